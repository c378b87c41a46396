package vn.motcua.dossier.forms;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.kit.print.FormPrinter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.web.Csv;

/**
 * The agency's register of dossiers (form 06, "sổ theo dõi hồ sơ", Circular 01/2018/TT-VPCP): every
 * dossier it received in a period, in order of reception, with its dates and outcome. A PDF is for
 * printing a month or so; a year of a busy agency is for the CSV.
 */
@Service
public class Register {
    static final int MAX_PDF_ROWS = 2_000;
    static final int MAX_ROWS = 200_000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final String[] HEADER = {"STT", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp", "Địa chỉ, điện thoại",
        "Kênh nộp", "Ngày nhận", "Hẹn trả", "Có kết quả", "Ngày trả / kết thúc", "Tình trạng", "Ghi chú"};

    private final FormPrinter printer = new FormPrinter();
    private final MongoTemplate mongo;
    private final Catalog catalog;
    private final ZoneId zone;

    Register(MongoTemplate mongo, Catalog catalog, @Value("${motcua.dossier.time-zone}") ZoneId zone) {
        this.mongo = mongo;
        this.catalog = catalog;
        this.zone = zone;
    }

    public byte[] csv(String agencyCode, LocalDate from, LocalDate to) {
        return Csv.of(HEADER, rows(agencyCode, from, to, MAX_ROWS));
    }

    public byte[] pdf(String agencyCode, LocalDate from, LocalDate to) {
        List<String[]> rows = rows(agencyCode, from, to, MAX_PDF_ROWS);
        String agency = catalog.agency(agencyCode).map(Agency::name).orElse(agencyCode);
        List<String[]> lines = List.of(new String[] {"Cơ quan", agency + " (" + agencyCode + ")"},
                new String[] {"Từ ngày", from.format(DATE) + " đến ngày " + to.format(DATE)},
                new String[] {"Số hồ sơ tiếp nhận", String.valueOf(rows.size())});
        return printer.print(new FormPrinter.Form(agency, "06", "SỔ THEO DÕI HỒ SƠ", lines,
                new FormPrinter.Table(HEADER, new float[] {0.5f, 2.2f, 2.2f, 1.4f, 2, 0.9f, 1.2f, 1, 1.2f, 1.2f, 1.2f, 1.4f},
                        rows), null));
    }

    private List<String[]> rows(String agencyCode, LocalDate from, LocalDate to, int limit) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Query received = new Query(where("agencyCode").is(agencyCode).and("receivedAt").gte(start).lt(end))
                .with(Sort.by("receivedAt", "_id")).limit(limit + 1);
        List<Dossier> dossiers = mongo.find(received, Dossier.class);
        if (dossiers.size() > limit) {
            throw ApiProblem.unprocessable("register-too-long", "More than " + limit + " dossiers were received in this"
                    + " period; " + (limit == MAX_PDF_ROWS ? "take the CSV or a shorter period" : "take a shorter period"))
                    .with("maxRows", limit);
        }
        int[] number = {0};
        return dossiers.stream().map(dossier -> row(++number[0], dossier)).toList();
    }

    private String[] row(int number, Dossier dossier) {
        var applicant = dossier.applicant();
        Instant ended = dossier.closedAt();
        return new String[] {String.valueOf(number), dossier.code(), dossier.procedureName(), applicant.fullName(),
            applicant.address() + "; " + applicant.phone(), dossier.channel().name(), time(dossier.receivedAt()),
            dossier.originalDueDate() == null ? "" : dossier.originalDueDate().format(DATE), time(dossier.resolvedAt()),
            time(ended), dossier.status().code() + " " + dossier.status().vietnamese(),
            dossier.closingReason() == null ? "" : dossier.closingReason()};
    }

    private String time(Instant at) {
        return at == null ? "" : at.atZone(zone).format(DATE_TIME);
    }
}
