package vn.motcua.dossier.forms;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.core.Delay;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.views.IssuedForms;
import vn.motcua.kit.print.FormPrinter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.web.Csv;

/**
 * Forms 01–05 of the one-stop procedure (Circular 01/2018/TT-VPCP), filled from the dossier, and
 * the stop notice. A form exists only once the step that issues it has happened (01 and the 05
 * control slip at reception, 02 with a supplement request, 03 with a refusal, 04 with a delay, the
 * stop notice when processing stops).
 */
@Service
public class Forms {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final FormPrinter printer = new FormPrinter();
    private final Catalog catalog;
    private final ZoneId zone;

    Forms(Catalog catalog, @Value("${motcua.dossier.time-zone}") ZoneId zone) {
        this.catalog = catalog;
        this.zone = zone;
    }

    public byte[] print(Dossier dossier, String number) {
        if (!IssuedForms.of(dossier).contains(number)) {
            throw ApiProblem.notFound("Form", number + " of dossier " + dossier.code())
                    .with("issuedForms", IssuedForms.of(dossier));
        }
        String agency = catalog.agency(dossier.agencyCode()).map(Agency::name).orElse(dossier.agencyCode());
        List<String[]> lines = new ArrayList<>(common(dossier));
        FormPrinter.Form form = switch (number) {
            case "01" -> {
                lines.add(line("Thành phần hồ sơ đã nhận", String.join("; ", dossier.documentsReceived())));
                lines.add(line("Thời điểm tiếp nhận", dossier.receivedAt().atZone(zone).format(DATE_TIME)));
                lines.add(line("Hẹn trả kết quả ngày", dossier.originalDueDate().format(DATE)));
                lines.add(line("Hình thức nhận kết quả", delivery(dossier)));
                lines.add(line("Cán bộ tiếp nhận", dossier.receivedBy()));
                yield new FormPrinter.Form(agency, "01", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", lines,
                        "Mang theo giấy này khi đến nhận kết quả. Tra cứu tình trạng hồ sơ bằng mã hồ sơ và số định danh cá nhân.");
            }
            case "02" -> {
                var request = dossier.supplementRequest();
                lines.add(line("Lý do", request.reason()));
                lines.add(line("Giấy tờ cần bổ sung, hoàn thiện", String.join("; ", request.documents())));
                lines.add(line("Ngày yêu cầu", request.requestedAt().atZone(zone).format(DATE)));
                yield new FormPrinter.Form(agency, "02", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", lines,
                        request.atReception()
                                ? "Hồ sơ chưa được tiếp nhận. Thời hạn giải quyết tính từ ngày tiếp nhận hồ sơ đầy đủ."
                                : "Thời hạn giải quyết tạm dừng cho đến khi hồ sơ được bổ sung đầy đủ.");
            }
            case "03" -> {
                lines.add(line("Lý do từ chối", dossier.closingReason()));
                lines.add(line("Ngày", dossier.closedAt().atZone(zone).format(DATE)));
                yield new FormPrinter.Form(agency, "03", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", lines, null);
            }
            case "04" -> {
                Delay delay = dossier.delays().getLast();
                lines.add(line("Lý do chậm trễ", delay.reason()));
                lines.add(line("Ngày hẹn trả trước đây", delay.previousDueDate().format(DATE)));
                lines.add(line("Ngày hẹn trả kết quả mới", delay.newDueDate().format(DATE)));
                yield new FormPrinter.Form(agency, "04", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", lines,
                        "Cơ quan chân thành xin lỗi ông/bà vì sự chậm trễ này.");
            }
            case IssuedForms.CONTROL_SLIP -> {
                lines.add(line("Thời điểm tiếp nhận", dossier.receivedAt().atZone(zone).format(DATE_TIME)));
                lines.add(line("Hẹn trả kết quả ngày", dossier.originalDueDate().format(DATE)));
                yield new FormPrinter.Form(agency, IssuedForms.CONTROL_SLIP, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
                        lines, new FormPrinter.Table(CONTROL_SLIP_HEADER, new float[] {0.5f, 1.6f, 1.4f, 1, 1.6f, 0.8f, 2},
                                controlSlipRows(dossier)), null);
            }
            case IssuedForms.STOP_NOTICE -> {
                lines.add(line("Lý do dừng xử lý", dossier.closingReason()));
                lines.add(line("Ngày", dossier.closedAt().atZone(zone).format(DATE)));
                yield new FormPrinter.Form(agency, "", "THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ", lines, null);
            }
            default -> throw ApiProblem.notFound("Form", number);
        };
        return printer.print(form);
    }

    /**
     * The control slip as CSV: every hand-over of the dossier, who passed it on, when, in which
     * step, the status it left and reached.
     */
    public byte[] controlSlipCsv(Dossier dossier) {
        if (!IssuedForms.of(dossier).contains(IssuedForms.CONTROL_SLIP)) {
            throw ApiProblem.notFound("Form", IssuedForms.CONTROL_SLIP + " of dossier " + dossier.code())
                    .with("issuedForms", IssuedForms.of(dossier));
        }
        return Csv.of(CONTROL_SLIP_HEADER, controlSlipRows(dossier));
    }

    private static final String[] CONTROL_SLIP_HEADER = {"STT", "Thời điểm", "Người thực hiện", "Vai trò", "Bước",
        "Trạng thái", "Ghi chú"};

    private List<String[]> controlSlipRows(Dossier dossier) {
        return dossier.history().stream().map(entry -> new String[] {String.valueOf(entry.seq()),
            entry.at().atZone(zone).format(DATE_TIME), entry.actorName(), entry.role(), entry.action(),
            entry.from() + " → " + entry.to(), entry.reason()}).toList();
    }

    private static List<String[]> common(Dossier dossier) {
        var applicant = dossier.applicant();
        return List.of(
                line("Mã hồ sơ", dossier.code()),
                line("Tên thủ tục hành chính", dossier.procedureName() + " (" + dossier.procedureCode() + ")"),
                line("Người nộp hồ sơ", applicant.fullName()),
                line("Số định danh cá nhân", applicant.idNumber()),
                line("Địa chỉ", applicant.address()),
                line("Điện thoại", applicant.phone()),
                line("Thư điện tử", applicant.email()));
    }

    private static String delivery(Dossier dossier) {
        return switch (dossier.resultDelivery()) {
            case COUNTER -> "Tại bộ phận một cửa";
            case ONLINE -> "Trực tuyến";
            case POST -> "Qua dịch vụ bưu chính công ích";
        };
    }

    private static String[] line(String label, String value) {
        return new String[] {label, value};
    }
}
