package vn.motcua.dossier.core;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.deadlines.CalendarSeed;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;

/** Dossiers in every national status, walked there by legal steps at fixed Hà Nội times. */
final class DossierMother {
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DeadlinePolicy DEADLINES = new DeadlinePolicy(
            CalendarSeed.calendar(JsonMapper.builder().build(), "calendar/working-calendar.json"), HANOI,
            LocalTime.of(16, 30), 2, new DeadlinePolicy.Reappointment(1, 1));
    static final String CODE = "000.10.20.H29-261124-0001";
    static final List<String> REQUIRED = List.of("Đơn đề nghị cấp giấy phép", "Bản sao giấy chứng nhận đăng ký kinh doanh");
    static final Actor CITIZEN = new Actor("sub-citizen1", "citizen1", "citizen");
    static final Actor OFFICER = new Actor("sub-officer1", "officer1", "officer");
    static final Actor SPECIALIST = new Actor("sub-specialist1", "specialist1", "specialist");
    static final Actor LEADER = new Actor("sub-leader1", "leader1", "leader");

    private DossierMother() {
    }

    /** A local time in Hà Nội, e.g. {@code hanoi("2026-11-24T10:00")} (a Tuesday). */
    static Instant hanoi(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    /** The retail liquor licence: 5 working days, 1,200,000 đồng per dossier and 50,000 per copy, due at intake. */
    static Procedure liquorLicence() {
        return liquorLicence(null);
    }

    /** The same procedure with a cut-off of its own ("15:00"), or none (null). */
    static Procedure liquorLicence(String cutOff) {
        return new Procedure("2.000018", 3, "Cấp giấy phép bán lẻ rượu", "Công thương", "DISTRICT", 3, 5,
                List.of(new Procedure.Fee("LE_PHI", 1_200_000, "DOSSIER"), new Procedure.Fee("PHI", 50_000, "COPY")),
                FeeStage.INTAKE, true, true, false, false, false, REQUIRED, cutOff, null, null);
    }

    /** The liquor licence of a province whose text has the fee paid on submission: reception waits for it. */
    static Procedure liquorLicencePaidFirst() {
        Procedure procedure = liquorLicence();
        return new Procedure(procedure.code(), procedure.version(), procedure.name(), procedure.field(), procedure.agencyLevel(),
                procedure.onlineLevel(), procedure.processingDays(), procedure.fees(), procedure.feeTiming(), true, true, false, false,
                false, REQUIRED, null, true, null);
    }

    /** The liquor licence of a province whose text has the fee paid when the result is handed over. */
    static Procedure liquorLicenceFeeAtResult() {
        Procedure procedure = liquorLicence();
        return new Procedure(procedure.code(), procedure.version(), procedure.name(), procedure.field(), procedure.agencyLevel(),
                procedure.onlineLevel(), procedure.processingDays(), procedure.fees(), FeeStage.RESULT, true, true, false, false,
                false, REQUIRED, null, null, null);
    }

    /** Submitted online under the procedure with its result asked for online, then taken to status 9 with its copy. */
    static Dossier readyOnline(Procedure procedure) {
        Dossier dossier = approvedOnline(procedure);
        dossier.markResultReady(SPECIALIST, "copy-1", hanoi("2026-11-25T10:00"));
        return dossier;
    }

    /** Submitted online for a result online, its result approved and not yet marked ready. */
    static Dossier approvedOnline(Procedure procedure) {
        Dossier dossier = Dossier.submit(CODE, procedure, district(), "001090000001",
                new Applicant("Nguyễn Văn An", "001090000001", "0912345678", "an@example.com", "Hà Nội"),
                Channel.ONLINE, ResultDelivery.ONLINE, procedure.price(true, 1, null, null), CITIZEN,
                hanoi("2026-11-23T09:00")).aggregate();
        dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T10:00"));
        dossier.assign(OFFICER, "specialist1", hanoi("2026-11-24T11:00"));
        dossier.approve(LEADER, "Đồng ý", hanoi("2026-11-25T09:00"));
        return dossier;
    }

    /** A procedure whose paper originals the agency must see before receiving an online dossier. */
    static Procedure buildingPermit() {
        return new Procedure("2.000010", 1, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", "DISTRICT", 3, 15,
                List.of(), null, true, true, false, true, false, REQUIRED, null, null, false);
    }

    /** The district that handles it, with no cut-off of its own (the platform's 16:30 applies). */
    static Agency district() {
        return district(null);
    }

    static Agency district(String cutOff) {
        return new Agency("000.10.20.H29", "UBND huyện Thường Tín", "DISTRICT", cutOff);
    }

    static Dossier submittedUnder(Procedure procedure, Agency agency) {
        return Dossier.submit(CODE, procedure, agency, "001090000001",
                new Applicant("Nguyễn Văn An", "001090000001", "0912345678", "an@example.com", "Hà Nội"),
                Channel.ONLINE, ResultDelivery.COUNTER, procedure.price(true, 1, 1, null), CITIZEN,
                hanoi("2026-11-23T09:00")).aggregate();
    }

    static Dossier submitted(ResultDelivery delivery, int copies) {
        return Dossier.submit(CODE, liquorLicence(), district(), "001090000001",
                new Applicant("Nguyễn Văn An", "001090000001", "0912345678", "an@example.com", "Hà Nội"),
                Channel.ONLINE, delivery, liquorLicence().price(true, copies, null, null), CITIZEN,
                hanoi("2026-11-23T09:00")).aggregate();
    }

    /** Received on Tuesday 24/11/2026 at 10:00: due on Tuesday 1/12/2026. */
    static Dossier received() {
        Dossier dossier = submitted(ResultDelivery.COUNTER, 1);
        dossier.receive(OFFICER, REQUIRED, DEADLINES, hanoi("2026-11-24T10:00"));
        return dossier;
    }

    /** Assigned and approved, so that every step legal in processing can be taken. */
    static Dossier processing() {
        Dossier dossier = received();
        dossier.assign(OFFICER, "specialist1", hanoi("2026-11-24T11:00"));
        dossier.approve(LEADER, "Đồng ý", hanoi("2026-11-25T09:00"));
        return dossier;
    }

    static Dossier at(NationalStatus status) {
        return switch (status) {
            case NEWLY_REGISTERED -> submitted(ResultDelivery.COUNTER, 1);
            case RECEIVED -> received();
            case NOT_ACCEPTED -> step(submitted(ResultDelivery.COUNTER, 1), d -> d.refuse(OFFICER, "Thiếu hồ sơ", later()));
            case PROCESSING -> processing();
            case SUPPLEMENT_REQUESTED -> step(processing(), d -> d.requestSupplement(SPECIALIST, "Bản sao chưa chứng thực",
                    List.of(REQUIRED.get(1)), DEADLINES, later()));
            case FINANCIAL_OBLIGATION_REQUESTED -> step(processing(),
                    d -> d.requestFinancialObligation(SPECIALIST, 500_000, "Lệ phí trước bạ", DEADLINES, later()));
            case WITHDRAWN -> step(submitted(ResultDelivery.COUNTER, 1), d -> d.withdraw(CITIZEN, "Không cần nữa", later()));
            case STOPPED -> step(processing(), d -> d.stop(LEADER, "Người nộp qua đời", later()));
            case RESULT_READY -> step(processing(), d -> d.markResultReady(SPECIALIST, later()));
            case RESULT_RETURNED -> step(at(NationalStatus.RESULT_READY),
                    d -> d.returnResult(OFFICER, ResultDelivery.COUNTER, later()));
        };
    }

    static Instant later() {
        return hanoi("2026-11-26T10:00");
    }

    private static Dossier step(Dossier dossier, Consumer<Dossier> step) {
        step.accept(dossier);
        return dossier;
    }
}
