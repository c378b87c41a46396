package vn.motcua.notification.warnings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierApprovalRequested;
import vn.motcua.events.dossier.DossierDraftApproved;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.events.dossier.DossierProcessingStarted;
import vn.motcua.events.dossier.DossierReassigned;
import vn.motcua.events.dossier.DossierRevisionRequested;
import vn.motcua.events.postal.OriginalsAwaitingDecision;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.templates.TemplateBook;
import vn.motcua.notification.templates.Text;

/**
 * The Vietnamese texts staff receive about dossiers given to them or passed on, running late, drafts sent back to them,
 * approved, or awaiting their approval, and citizens' originals to send back or keep, as templates ops may publish new
 * versions of.
 */
@Component
class StaffMessages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final TemplateBook book;

    StaffMessages(TemplateBook book) {
        this.book = book;
        book.define("staff-dossier-assigned", new Text("Hồ sơ {dossier_code} được giao cho anh/chị xử lý", """
                Hồ sơ {dossier_code} (thủ tục {procedure}) được giao cho anh/chị xử lý.
                Hạn trả kết quả: {due_date}

                Hồ sơ có trong danh sách việc của anh/chị.
                """));
        book.define("staff-dossier-handed-over", new Text("Hồ sơ {dossier_code} được chuyển cho anh/chị xử lý", """
                Hồ sơ {dossier_code} (thủ tục {procedure}) được chuyển từ chuyên viên {previous} cho anh/chị xử lý tiếp.
                Người chuyển: {by}
                Hạn trả kết quả: {due_date}

                Dự thảo kết quả đã trình (nếu có) vẫn gắn với hồ sơ; anh/chị tiếp tục từ bước hồ sơ đang dừng.
                """));
        book.define("staff-dossier-handed-away", new Text("Hồ sơ {dossier_code} đã được chuyển cho chuyên viên khác", """
                Hồ sơ {dossier_code} (thủ tục {procedure}) đã được chuyển cho chuyên viên {assignee} xử lý tiếp.
                Người chuyển: {by}

                Anh/chị không tiếp tục xử lý hồ sơ này.
                """));
        book.define("staff-dossier-overdue", new Text("Hồ sơ {dossier_code} đã quá hạn giải quyết", """
                Hồ sơ {dossier_code} (thủ tục {procedure}) đã quá hạn trả kết quả ngày {due_date} mà chưa có kết quả.
                Người xử lý: {assignee}

                Đề nghị xử lý ngay; nếu cần thêm thời gian, lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) gửi công dân.
                """));
        book.define("staff-revision-requested", new Text("Hồ sơ {dossier_code}: lãnh đạo trả lại dự thảo kết quả để xử lý lại", """
                Lãnh đạo {leader} trả lại dự thảo kết quả hồ sơ {dossier_code} (thủ tục {procedure}) để xử lý lại.
                Nội dung cần chỉnh sửa: {reason}

                Sau khi chỉnh sửa, trình lãnh đạo phê duyệt lại trước khi đánh dấu có kết quả.
                """));
        book.define("staff-approval-requested", new Text("Hồ sơ {dossier_code}: chuyên viên trình phê duyệt dự thảo kết quả", """
                Chuyên viên {specialist} trình lãnh đạo phê duyệt dự thảo kết quả hồ sơ {dossier_code} (thủ tục {procedure}).
                Ý kiến của chuyên viên: {note}

                Đề nghị phê duyệt, hoặc trả lại dự thảo kèm nội dung cần chỉnh sửa.
                """));
        book.define("staff-draft-approved", new Text("Hồ sơ {dossier_code}: lãnh đạo đã phê duyệt dự thảo kết quả", """
                Lãnh đạo {leader} đã phê duyệt dự thảo kết quả hồ sơ {dossier_code} (thủ tục {procedure}).
                Ý kiến của lãnh đạo: {note}

                Đề nghị hoàn thiện kết quả và chuyển trả kết quả cho công dân đúng hạn.
                """));
        book.define("staff-approvals-digest", new Text("Nhắc việc ngày {day}: {count} dự thảo kết quả chờ lãnh đạo phê duyệt",
                "Các dự thảo kết quả đã trình, chưa được phê duyệt hoặc trả lại:\n{dossiers}"));
        book.define("staff-held-by-departed-digest", new Text(
                "Nhắc việc ngày {day}: {count} hồ sơ do người không còn là chuyên viên của cơ quan nắm giữ", """
                Các hồ sơ đang xử lý được giao cho người không còn là chuyên viên của cơ quan (đã nghỉ, bị khóa tài khoản hoặc \
                chuyển công tác):
                {dossiers}
                Đề nghị chuyển các hồ sơ này cho chuyên viên khác của cơ quan (danh sách chuyên viên: \
                GET /api/v1/agencies/{agency_code}/specialists; chuyển tất cả hồ sơ của một người: \
                POST /api/v1/agencies/{agency_code}/specialists/<người giữ>/hand-over).
                """));
        book.define("staff-originals-awaiting-decision", new Text(
                "Hồ sơ {dossier_code}: bản chính công dân gửi qua bưu điện chưa có hướng trả lại hay lưu giữ", """
                Hồ sơ {dossier_code} (thủ tục {procedure}) đã có kết quả. Bản chính giấy tờ bưu điện thu gom của công dân {where} \
                (bưu gửi {shipment_id}).
                Thủ tục không quy định cơ quan lưu giữ bản chính hay chỉ đối chiếu. Nếu không phải lưu trong hồ sơ, đề nghị trả lại \
                công dân cùng kết quả: gửi trả qua bưu điện (POST /api/v1/shipments/{shipment_id}/originals-return) hoặc trao \
                tại bộ phận một cửa khi công dân đến nhận (POST /api/v1/shipments/{shipment_id}/hand-delivery).
                """));
        book.define("staff-unregistered-envelopes-digest", new Text(
                "Nhắc việc ngày {day}: {count} hồ sơ giấy gửi qua bưu chính chưa được tiếp nhận", """
                Bưu điện đã chuyển đến bộ phận một cửa các hồ sơ giấy thu gom của công dân dưới đây, nhưng chưa hồ sơ nào được \
                tiếp nhận; thời hạn giải quyết chỉ bắt đầu khi hồ sơ được tiếp nhận:
                {envelopes}
                Đề nghị tiếp nhận từng hồ sơ theo số hiệu bưu gửi (danh sách: GET /api/v1/agencies/{agency_code}/postal-arrivals; \
                tiếp nhận: POST /api/v1/dossiers/paper?channel=BY_POST&trackingNumber=<số hiệu>), rồi xử lý như hồ sơ nộp trực \
                tiếp: nếu không đủ điều kiện tiếp nhận, lập phiếu từ chối để hồ sơ được gửi trả công dân.
                """));
        book.define("staff-morning-digest", new Text("Nhắc việc ngày {day}: {overdue} hồ sơ quá hạn, {at_risk} hồ sơ sắp đến hạn",
                "Các hồ sơ cần ưu tiên xử lý hôm nay:\n{dossiers}"));
    }

    Message assigned(DossierProcessingStarted started) {
        return book.render("staff-dossier-assigned", Map.of("dossier_code", started.dossier().dossierCode(),
                "procedure", started.dossier().procedureCode(), "due_date", dayOrDash(started.dueDate())));
    }

    Message handedOver(DossierReassigned reassigned, LocalDate dueDate) {
        return book.render("staff-dossier-handed-over", Map.of("dossier_code", reassigned.dossier().dossierCode(),
                "procedure", reassigned.dossier().procedureCode(), "previous", reassigned.previousAssignee(),
                "by", reassigned.reassignedBy(), "due_date", dayOrDash(dueDate)));
    }

    Message handedAway(DossierReassigned reassigned) {
        return book.render("staff-dossier-handed-away", Map.of("dossier_code", reassigned.dossier().dossierCode(),
                "procedure", reassigned.dossier().procedureCode(), "assignee", reassigned.assignee(),
                "by", reassigned.reassignedBy()));
    }

    private static String dayOrDash(LocalDate day) {
        return day == null ? "—" : DAY.format(day);
    }

    Message overdue(DossierOverdue overdue, String assignee) {
        return book.render("staff-dossier-overdue", Map.of("dossier_code", overdue.dossier().dossierCode(),
                "procedure", overdue.dossier().procedureCode(), "due_date", DAY.format(overdue.dueDate()),
                "assignee", assignee == null ? "chưa phân công" : assignee));
    }

    Message revisionRequested(DossierRevisionRequested revision) {
        return book.render("staff-revision-requested", Map.of("dossier_code", revision.dossier().dossierCode(),
                "procedure", revision.dossier().procedureCode(), "leader", revision.requestedBy(), "reason", revision.reason()));
    }

    Message approvalRequested(DossierApprovalRequested request) {
        return book.render("staff-approval-requested", Map.of("dossier_code", request.dossier().dossierCode(),
                "procedure", request.dossier().procedureCode(), "specialist", request.requestedBy(),
                "note", request.note() == null ? "không có" : request.note()));
    }

    Message draftApproved(DossierDraftApproved approval) {
        return book.render("staff-draft-approved", Map.of("dossier_code", approval.dossier().dossierCode(),
                "procedure", approval.dossier().procedureCode(), "leader", approval.approvedBy(),
                "note", approval.note() == null ? "không có" : approval.note()));
    }

    /** A leader's morning list of the drafts awaiting a decision, the longest waiting first. */
    Message approvalsDigest(LocalDate day, List<WatchedDossier> awaiting) {
        StringBuilder lines = new StringBuilder();
        for (WatchedDossier dossier : awaiting) {
            lines.append("- ").append(dossier.dossierCode()).append(" — trình ngày ")
                    .append(DAY.format(dossier.approvalRequestedAt().atZone(CivilTime.VIETNAM))).append(" — chuyên viên: ")
                    .append(dossier.assignee() == null ? "—" : dossier.assignee()).append(" — hạn ")
                    .append(dayOrDash(dossier.dueDate())).append('\n');
        }
        return book.render("staff-approvals-digest", Map.of("day", DAY.format(day), "count", Integer.toString(awaiting.size()),
                "dossiers", lines.toString()));
    }

    /** An agency's officers' morning list of its dossiers held by people no longer its specialists, by holder. */
    Message heldByDeparted(LocalDate day, String agencyCode, List<WatchedDossier> held) {
        StringBuilder lines = new StringBuilder();
        for (WatchedDossier dossier : held) {
            lines.append("- ").append(dossier.dossierCode()).append(" — người giữ: ").append(dossier.assignee())
                    .append(" — hạn ").append(dayOrDash(dossier.dueDate())).append('\n');
        }
        return book.render("staff-held-by-departed-digest", Map.of("day", DAY.format(day), "count", Integer.toString(held.size()),
                "dossiers", lines.toString(), "agency_code", agencyCode));
    }

    Message originalsAwaitingDecision(OriginalsAwaitingDecision asked) {
        return book.render("staff-originals-awaiting-decision", Map.of("dossier_code", asked.dossierCode(), "procedure",
                asked.procedureCode(), "shipment_id", asked.shipmentId(), "where",
                asked.atAgency() ? "đang ở cơ quan" : "đang được bưu điện chuyển đến cơ quan"));
    }

    /** An agency's officers' morning list of the envelopes delivered to their desk and not registered, oldest first. */
    Message unregisteredEnvelopes(LocalDate day, String agencyCode, List<ArrivedEnvelope> envelopes) {
        StringBuilder lines = new StringBuilder();
        for (ArrivedEnvelope envelope : envelopes) {
            lines.append("- ").append(envelope.itemId()).append(" — thủ tục ").append(envelope.procedureCode())
                    .append(" — người gửi: ").append(envelope.senderName() == null ? "—" : envelope.senderName())
                    .append(" — đến ngày ").append(DAY.format(envelope.arrivedAt().atZone(CivilTime.VIETNAM))).append('\n');
        }
        return book.render("staff-unregistered-envelopes-digest", Map.of("day", DAY.format(day), "count",
                Integer.toString(envelopes.size()), "envelopes", lines.toString(), "agency_code", agencyCode));
    }

    Message digest(LocalDate day, List<WatchedDossier> dossiers) {
        long overdue = dossiers.stream().filter(d -> "OVERDUE".equals(d.flag())).count();
        StringBuilder lines = new StringBuilder();
        for (WatchedDossier dossier : dossiers) {
            lines.append("- ").append(dossier.dossierCode()).append(" — hạn ")
                    .append(dayOrDash(dossier.dueDate())).append(" — ")
                    .append("OVERDUE".equals(dossier.flag()) ? "đã quá hạn" : "sắp đến hạn").append(" — người xử lý: ")
                    .append(dossier.assignee() == null ? "chưa phân công" : dossier.assignee()).append('\n');
        }
        return book.render("staff-morning-digest", Map.of("day", DAY.format(day), "overdue", Long.toString(overdue),
                "at_risk", Long.toString(dossiers.size() - overdue), "dossiers", lines.toString()));
    }
}
