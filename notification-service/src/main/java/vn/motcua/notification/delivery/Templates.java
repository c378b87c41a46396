package vn.motcua.notification.delivery;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.notification.inbox.Message;

/** The Vietnamese texts citizens receive. */
@Component
class Templates {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private final DateTimeFormatter dates;

    Templates(@Value("${motcua.notification.time-zone}") ZoneId zone) {
        this.dates = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(zone);
    }

    Message dossierSubmitted(DossierSubmitted dossier) {
        return new Message("dossier-submitted",
                "Hồ sơ " + dossier.dossierCode() + " đã được gửi thành công",
                """
                Kính gửi Ông/Bà %s,

                Hồ sơ "%s" của Ông/Bà đã được gửi trực tuyến thành công và đang chờ cơ quan tiếp nhận.
                Mã hồ sơ: %s
                Ngày nộp: %s

                Ông/Bà dùng mã hồ sơ này để tra cứu tình trạng giải quyết. Cơ quan sẽ thông báo khi hồ sơ \
                được tiếp nhận hoặc cần bổ sung.
                """.formatted(dossier.applicant().fullName(), dossier.procedureName(), dossier.dossierCode(),
                        date(dossier.submittedAt())));
    }

    Message paymentRequested(PaymentRequested payment) {
        return new Message("payment-requested",
                "Yêu cầu nộp phí, lệ phí cho hồ sơ " + payment.dossierCode(),
                """
                Hồ sơ %s cần nộp phí, lệ phí trước khi được tiếp nhận.
                Số tiền: %s đồng
                Hạn nộp: %s

                Ông/Bà có thể thanh toán trực tuyến, hoặc nộp cho nhân viên bưu điện khi họ đến nhận hồ sơ.
                """.formatted(payment.dossierCode(), money(payment.amount()), date(payment.payBy())));
    }

    private String date(Instant instant) {
        return instant == null ? "—" : dates.format(instant);
    }

    private static String money(long amount) {
        return NumberFormat.getIntegerInstance(VIETNAMESE).format(amount);
    }
}
