package vn.motcua.notification.warnings;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierOverdue;
import vn.motcua.notification.inbox.Message;

/** The Vietnamese texts staff receive about dossiers running late. */
@Component
class StaffMessages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    Message overdue(DossierOverdue overdue, String assignee) {
        String code = overdue.dossier().dossierCode();
        return new Message("staff-dossier-overdue", "Hồ sơ " + code + " đã quá hạn giải quyết",
                """
                Hồ sơ %s (thủ tục %s) đã quá hạn trả kết quả ngày %s mà chưa có kết quả.
                Người xử lý: %s

                Đề nghị xử lý ngay; nếu cần thêm thời gian, lập phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) gửi công dân.
                """.formatted(code, overdue.dossier().procedureCode(), DAY.format(overdue.dueDate()),
                        assignee == null ? "chưa phân công" : assignee));
    }

    Message digest(LocalDate day, List<WatchedDossier> dossiers) {
        long overdue = dossiers.stream().filter(d -> "OVERDUE".equals(d.flag())).count();
        StringBuilder lines = new StringBuilder();
        for (WatchedDossier dossier : dossiers) {
            lines.append("- ").append(dossier.dossierCode()).append(" — hạn ")
                    .append(dossier.dueDate() == null ? "—" : DAY.format(dossier.dueDate())).append(" — ")
                    .append("OVERDUE".equals(dossier.flag()) ? "đã quá hạn" : "sắp đến hạn").append(" — người xử lý: ")
                    .append(dossier.assignee() == null ? "chưa phân công" : dossier.assignee()).append('\n');
        }
        return new Message("staff-morning-digest", "Nhắc việc ngày " + DAY.format(day) + ": " + overdue + " hồ sơ quá hạn, "
                + (dossiers.size() - overdue) + " hồ sơ sắp đến hạn",
                "Các hồ sơ cần ưu tiên xử lý hôm nay:\n" + lines);
    }
}
