package vn.motcua.notification.delivery;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.AppointmentCancelled;
import vn.motcua.events.appointment.AppointmentReminderDue;
import vn.motcua.events.appointment.AppointmentRescheduled;
import vn.motcua.events.appointment.ReminderKind;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFinancialObligationRequested;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultAwaitingCollection;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierSnapshot;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentExpired;
import vn.motcua.events.payment.PaymentFailed;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.events.payment.PaymentRefunded;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.events.postal.ReturnAddressConfirmationRequested;
import vn.motcua.notification.inbox.Message;

/** The Vietnamese texts citizens receive. */
@Component
class Templates {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private final DateTimeFormatter dates;

    Templates(@Value("${motcua.notification.time-zone}") ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(zone);
    }

    Message dossierSubmitted(DossierSubmitted submitted) {
        // True for the channel it came by: only an online dossier was "sent online".
        String how = switch (submitted.dossier().submittedVia()) {
            case ONLINE -> "đã được gửi trực tuyến thành công";
            case IN_PERSON -> "đã được nộp tại bộ phận một cửa";
            case POSTAL -> "đã được nộp qua dịch vụ bưu chính công ích";
        };
        return new Message("dossier-submitted",
                "Hồ sơ " + code(submitted.dossier()) + " đã được gửi thành công",
                """
                Kính gửi Ông/Bà %s,

                Hồ sơ "%s" của Ông/Bà %s và đang chờ cơ quan tiếp nhận.
                Mã hồ sơ: %s
                Ngày nộp: %s

                Ông/Bà dùng mã hồ sơ này để tra cứu tình trạng giải quyết. Cơ quan sẽ thông báo khi hồ sơ \
                được tiếp nhận hoặc cần bổ sung.
                """.formatted(submitted.applicant().fullName(), submitted.procedureName(), how, code(submitted.dossier()),
                        date(submitted.submittedAt())));
    }

    Message paymentRequested(PaymentRequested payment) {
        // What falls due depends on the stage: the text says which, and only what the platform implements.
        String what = switch (payment.stage()) {
            case INTAKE -> "cần nộp phí, lệ phí khi nộp hồ sơ";
            case SUPPLEMENT -> "cần nộp phí, lệ phí khi bổ sung hồ sơ";
            case RESULT -> "cần nộp phí, lệ phí khi nhận kết quả";
            case OBLIGATION -> "cần thực hiện nghĩa vụ tài chính để tiếp tục được giải quyết";
        };
        return new Message("payment-requested",
                "Yêu cầu nộp phí, lệ phí cho hồ sơ " + payment.dossierCode(),
                """
                Hồ sơ %s %s.
                Số tiền: %s đồng
                Hạn nộp: %s

                Ông/Bà có thể thanh toán trực tuyến trên Cổng dịch vụ công; biên lai điện tử được gửi sau khi thanh toán.
                """.formatted(payment.dossierCode(), what, money(payment.amount()), date(payment.payBy())));
    }

    Message paymentCompleted(PaymentCompleted payment) {
        String how = payment.method() == PaymentMethod.CASH_ON_DELIVERY ? "nộp cho nhân viên bưu điện" : "thanh toán trực tuyến";
        return new Message("payment-completed", "Đã nhận khoản nộp cho hồ sơ " + payment.dossierCode(),
                """
                Cơ quan đã nhận %s đồng Ông/Bà %s cho hồ sơ %s.
                Biên lai điện tử: /api/v1/payments/%s/receipt (trong mục thanh toán của Ông/Bà).
                """.formatted(money(payment.amount()), how, payment.dossierCode(), payment.paymentId()));
    }

    Message paymentFailed(PaymentFailed payment) {
        return new Message("payment-failed", "Thanh toán cho hồ sơ " + payment.dossierCode() + " chưa thành công",
                """
                Giao dịch thanh toán %s đồng cho hồ sơ %s không thành công (mã %s).
                Ông/Bà chưa bị trừ tiền cho giao dịch này và có thể thanh toán lại trong mục thanh toán.
                """.formatted(money(payment.amount()), payment.dossierCode(), payment.providerCode()));
    }

    Message paymentExpired(PaymentExpired payment) {
        return new Message("payment-expired", "Đã quá hạn nộp phí, lệ phí cho hồ sơ " + payment.dossierCode(),
                """
                Khoản nộp %s đồng cho hồ sơ %s đã quá hạn ngày %s mà chưa được thanh toán.
                Ông/Bà vui lòng liên hệ bộ phận một cửa của cơ quan giải quyết để được hướng dẫn.
                """.formatted(money(payment.amount()), payment.dossierCode(), date(payment.payBy())));
    }

    Message paymentRefunded(PaymentRefunded payment) {
        String how = payment.method() == PaymentMethod.CASH_ON_DELIVERY
                ? "Ông/Bà nhận lại tiền mặt tại bộ phận một cửa của cơ quan giải quyết."
                : "Tiền được hoàn về tài khoản hoặc thẻ Ông/Bà đã dùng để thanh toán (mã hoàn tiền " + payment.refundReference() + ").";
        return new Message("payment-refunded", "Hoàn trả phí, lệ phí cho hồ sơ " + payment.dossierCode(),
                """
                Cơ quan hoàn trả Ông/Bà %s đồng đã nộp cho hồ sơ %s.
                Lý do: %s
                %s
                """.formatted(money(payment.amount()), payment.dossierCode(), payment.reason(), how));
    }

    Message financialObligationRequested(DossierFinancialObligationRequested event) {
        return new Message("dossier-financial-obligation-requested",
                "Hồ sơ " + code(event.dossier()) + " cần thực hiện nghĩa vụ tài chính",
                """
                Hồ sơ %s cần thực hiện nghĩa vụ tài chính: %s đồng.
                Nội dung: %s

                Thời hạn giải quyết tạm dừng; hồ sơ tiếp tục được giải quyết ngay khi khoản nộp được xác nhận.
                Ông/Bà có thể thanh toán trực tuyến trong mục thanh toán.
                """.formatted(code(event.dossier()), money(event.amount()), event.reason()));
    }

    Message withdrawn(DossierWithdrawn event) {
        return new Message("dossier-withdrawn", "Hồ sơ " + code(event.dossier()) + " đã được rút",
                "Hồ sơ %s đã được rút theo đề nghị của Ông/Bà.\nLý do: %s\nKhoản phí, lệ phí được hoàn trả (nếu có) sẽ được thông báo riêng.\n"
                        .formatted(code(event.dossier()), event.reason()));
    }

    Message addressConfirmationRequested(ReturnAddressConfirmationRequested request) {
        return new Message("postal-address-confirmation-requested", "Xác nhận địa chỉ nhận kết quả hồ sơ " + request.dossierCode(),
                """
                Kết quả hồ sơ %s sẽ được gửi qua dịch vụ bưu chính công ích đến:
                %s, %s, %s (%s)

                Nếu địa chỉ chưa đúng, Ông/Bà sửa trong mục gửi nhận qua bưu điện trước khi bưu tá đến nhận kết quả.
                """.formatted(request.dossierCode(), request.recipientName(), request.address(),
                        request.addressProvince() == null ? "chưa rõ tỉnh, thành phố" : request.addressProvince(), request.recipientPhone()));
    }

    Message resultAwaitingCollection(DossierResultAwaitingCollection event) {
        return new Message("dossier-result-awaiting-collection", "Kết quả hồ sơ " + code(event.dossier()) + " chờ Ông/Bà tại bộ phận một cửa",
                """
                Bưu điện chưa giao được kết quả hồ sơ %s (%s) và đã chuyển lại cho cơ quan.
                Mời Ông/Bà đến bộ phận một cửa để nhận kết quả; có thể đặt lịch hẹn trước.
                """.formatted(code(event.dossier()), event.reason() == null ? "không gặp người nhận" : event.reason()));
    }

    Message appointmentBooked(AppointmentBooked booking) {
        return new Message("appointment-booked", "Lịch hẹn " + booking.bookingCode() + " ngày " + day(booking.date()),
                """
                Ông/Bà đã đặt lịch hẹn tại %s: %s, từ %s đến %s (%s).
                Mã lịch hẹn: %s — xuất trình mã này tại quầy tiếp nhận để được xếp số.
                """.formatted(booking.officeId(), day(booking.date()), booking.start(), booking.end(), purpose(booking.purpose()),
                        booking.bookingCode()));
    }

    Message appointmentRescheduled(AppointmentRescheduled booking) {
        return new Message("appointment-rescheduled", "Lịch hẹn " + booking.bookingCode() + " đã đổi sang ngày " + day(booking.date()),
                """
                Lịch hẹn %s tại %s đã đổi từ %s %s sang %s, từ %s đến %s.
                """.formatted(booking.bookingCode(), booking.officeId(), day(booking.previousDate()), booking.previousStart(),
                        day(booking.date()), booking.start(), booking.end()));
    }

    Message appointmentCancelled(AppointmentCancelled booking) {
        return new Message("appointment-cancelled", "Lịch hẹn " + booking.bookingCode() + " đã hủy",
                "Lịch hẹn %s tại %s ngày %s lúc %s đã hủy.\nLý do: %s\n".formatted(booking.bookingCode(), booking.officeId(),
                        day(booking.date()), booking.start(), booking.reason() == null ? "theo đề nghị" : booking.reason()));
    }

    Message appointmentReminder(AppointmentReminderDue reminder) {
        String when = reminder.reminder() == ReminderKind.DAY_BEFORE ? "ngày mai" : "sau khoảng một giờ nữa";
        return new Message("appointment-reminder", "Nhắc lịch hẹn " + reminder.bookingCode() + " " + when,
                """
                Ông/Bà có lịch hẹn tại %s %s (%s, lúc %s) để %s.
                Mã lịch hẹn: %s. Nếu không đến được, Ông/Bà vui lòng hủy để nhường chỗ cho người khác.
                """.formatted(reminder.officeName() == null ? reminder.officeId() : reminder.officeName(), when, day(reminder.date()),
                        reminder.start(), purpose(reminder.purpose()), reminder.bookingCode()));
    }

    Message turnNear(TurnNear turn) {
        return new Message("queue-turn-near", "Sắp đến lượt số " + turn.ticketNumber(),
                "Số %s: còn %d người trước Ông/Bà tại %s. Mời Ông/Bà có mặt tại phòng chờ.\n".formatted(turn.ticketNumber(),
                        turn.peopleBefore(), turn.officeId()));
    }

    private static String purpose(VisitPurpose purpose) {
        return switch (purpose) {
            case HAND_IN -> "nộp hồ sơ";
            case COLLECT_RESULT -> "nhận kết quả";
            case GUIDANCE -> "được hướng dẫn";
        };
    }

    Message dossierReceived(DossierReceived event) {
        return new Message("dossier-received", "Hồ sơ " + code(event.dossier()) + " đã được tiếp nhận",
                """
                Hồ sơ %s đã được cơ quan tiếp nhận.
                Ngày hẹn trả kết quả: %s

                Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01) có trong mục hồ sơ của Ông/Bà.
                """.formatted(code(event.dossier()), day(event.dueDate())));
    }

    Message dossierRejected(DossierRejected event) {
        return new Message("dossier-rejected", "Hồ sơ " + code(event.dossier()) + " không được tiếp nhận",
                """
                Hồ sơ %s không được tiếp nhận.
                Lý do: %s

                Phiếu từ chối tiếp nhận (mẫu 03) có trong mục hồ sơ của Ông/Bà.
                """.formatted(code(event.dossier()), event.reason()));
    }

    Message supplementRequested(DossierSupplementRequested event) {
        return new Message("dossier-supplement-requested", "Hồ sơ " + code(event.dossier()) + " cần bổ sung",
                """
                Hồ sơ %s cần được bổ sung, hoàn thiện.
                Lý do: %s
                Giấy tờ cần bổ sung: %s

                Thời hạn giải quyết tạm dừng cho đến khi Ông/Bà bổ sung (phiếu yêu cầu bổ sung, mẫu 02).
                """.formatted(code(event.dossier()), event.reason(), String.join("; ", event.documentsRequested())));
    }

    Message resultReady(DossierResultReady event) {
        String how = switch (event.dossier().resultDelivery()) {
            case POST -> "Kết quả sẽ được gửi đến Ông/Bà qua dịch vụ bưu chính công ích.";
            case ONLINE -> "Ông/Bà nhận kết quả trực tuyến trong mục hồ sơ.";
            case COUNTER -> "Mời Ông/Bà đến bộ phận một cửa để nhận kết quả.";
        };
        return new Message("dossier-result-ready", "Hồ sơ " + code(event.dossier()) + " đã có kết quả",
                "Hồ sơ %s đã được giải quyết xong.\n%s\n".formatted(code(event.dossier()), how));
    }

    Message dueDateExtended(DossierDueDateExtended event) {
        return new Message("dossier-due-date-extended", "Xin lỗi: hồ sơ " + code(event.dossier()) + " được hẹn lại ngày trả kết quả",
                """
                Cơ quan chân thành xin lỗi Ông/Bà vì hồ sơ %s chưa giải quyết được đúng hẹn.
                Lý do: %s
                Ngày hẹn trả kết quả mới: %s (trước đây: %s)

                Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) có trong mục hồ sơ của Ông/Bà.
                """.formatted(code(event.dossier()), event.reason(), day(event.newDueDate()), day(event.previousDueDate())));
    }

    Message returned(DossierReturned event) {
        return new Message("dossier-returned", "Hồ sơ " + code(event.dossier()) + " đã trả kết quả",
                "Kết quả của hồ sơ %s đã được trả cho Ông/Bà ngày %s.\n".formatted(code(event.dossier()),
                        date(event.returnedAt())));
    }

    Message stopped(DossierStopped event) {
        return new Message("dossier-stopped", "Hồ sơ " + code(event.dossier()) + " đã dừng xử lý",
                "Hồ sơ %s đã dừng xử lý.\nLý do: %s\nThông báo dừng xử lý có trong mục hồ sơ của Ông/Bà.\n"
                        .formatted(code(event.dossier()), event.reason()));
    }

    private static String code(DossierSnapshot dossier) {
        return dossier.dossierCode();
    }

    private static String day(LocalDate day) {
        return day == null ? "—" : DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day);
    }

    private String date(Instant instant) {
        return instant == null ? "—" : dates.format(instant);
    }

    private static String money(long amount) {
        return NumberFormat.getIntegerInstance(VIETNAMESE).format(amount);
    }
}
