package vn.motcua.notification.delivery;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.AppointmentCancelled;
import vn.motcua.events.appointment.AppointmentReminderDue;
import vn.motcua.events.appointment.AppointmentRescheduled;
import vn.motcua.events.appointment.ReminderKind;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.events.dossier.DossierDocumentShared;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierFinancialObligationRequested;
import vn.motcua.events.dossier.DossierReceived;
import vn.motcua.events.dossier.DossierRejected;
import vn.motcua.events.dossier.DossierResultAwaitingCollection;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierReturned;
import vn.motcua.events.dossier.DossierStopped;
import vn.motcua.events.dossier.DossierSubmitted;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.DossierWithdrawn;
import vn.motcua.events.dossier.PaperDossierHandedBack;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.payment.PaymentCancelled;
import vn.motcua.events.payment.PaymentCompleted;
import vn.motcua.events.payment.PaymentDueSoon;
import vn.motcua.events.payment.PaymentExpired;
import vn.motcua.events.payment.PaymentFailed;
import vn.motcua.events.payment.PaymentMethod;
import vn.motcua.events.payment.PaymentRefundAwaitingCollection;
import vn.motcua.events.payment.PaymentRefunded;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.events.postal.OriginalsAwaitingCollection;
import vn.motcua.events.postal.OriginalsKeptOnFile;
import vn.motcua.events.postal.OriginalsReturnPlanned;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.events.postal.PaperDossierAwaitingCollection;
import vn.motcua.events.postal.PaperDossierReturnPlanned;
import vn.motcua.events.postal.ReturnAddressConfirmationRequested;
import vn.motcua.events.postal.ShipmentCollectionAbandoned;
import vn.motcua.events.postal.ShipmentCollectionAttemptFailed;
import vn.motcua.events.postal.ShipmentCollectionScheduled;
import vn.motcua.events.postal.ShipmentDeliveryAttemptFailed;
import vn.motcua.events.postal.ShipmentDispatched;
import vn.motcua.events.postal.ShipmentOutForDelivery;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.templates.TemplateBook;
import vn.motcua.notification.templates.Text;

/**
 * The Vietnamese messages citizens receive: for each event, the values its template is filled with,
 * and the built-in text of each template (version 1; ops may publish newer ones, which use the
 * same placeholders). Phrases that depend on the case (how a dossier came in, what a payment is
 * for) are values, so a text stays true for the channel.
 */
@Component
class Templates {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;
    private final TemplateBook book;

    Templates(@Value("${motcua.notification.time-zone}") ZoneId zone, TemplateBook book) {
        this.dates = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(zone);
        this.times = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
        this.book = book;
        defineDossierTexts();
        definePaymentTexts();
        defineAppointmentAndPostTexts();
    }

    private void defineDossierTexts() {
        book.define("dossier-submitted", new Text("Hồ sơ {dossier_code} đã được gửi thành công", """
                Kính gửi Ông/Bà {full_name},

                Hồ sơ "{procedure}" của Ông/Bà {how} và đang chờ cơ quan tiếp nhận.
                Mã hồ sơ: {dossier_code}
                Ngày nộp: {submitted_on}

                Ông/Bà dùng mã hồ sơ này để tra cứu tình trạng giải quyết. Cơ quan sẽ thông báo khi hồ sơ \
                được tiếp nhận hoặc cần bổ sung.
                """));
        book.define("dossier-received", new Text("Hồ sơ {dossier_code} đã được tiếp nhận", """
                Hồ sơ {dossier_code} đã được cơ quan tiếp nhận.
                Ngày hẹn trả kết quả: {due_date}

                Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01) có trong mục hồ sơ của Ông/Bà.
                """, "Hồ sơ {dossier_code} đã được tiếp nhận. Ngày hẹn trả kết quả: {due_date}."));
        book.define("dossier-rejected", new Text("Hồ sơ {dossier_code} không được tiếp nhận", """
                Hồ sơ {dossier_code} không được tiếp nhận.
                Lý do: {reason}

                Phiếu từ chối tiếp nhận (mẫu 03) có trong mục hồ sơ của Ông/Bà.
                """));
        book.define("dossier-paper-turned-away", new Text("Hồ sơ giấy số hiệu {tracking_number} không được tiếp nhận", """
                Hồ sơ giấy Ông/Bà gửi qua bưu điện (số hiệu {tracking_number}, thủ tục {procedure_code}) đã đến bộ phận một cửa của
                cơ quan giải quyết nhưng không được tiếp nhận.
                Lý do: {reason}
                Hồ sơ giấy được giữ tại bộ phận một cửa: Ông/Bà mang giấy tờ tùy thân đến nhận lại, bổ sung hoặc nộp lại theo hướng
                dẫn trên.
                """, "Hồ sơ giấy số hiệu {tracking_number} không được tiếp nhận: {reason}. Mời nhận lại tại bộ phận một cửa."));
        book.define("dossier-paper-handed-back", new Text("Giấy tờ số hiệu {tracking_number} đã được trả lại", """
                Giấy tờ Ông/Bà gửi qua bưu điện (số hiệu {tracking_number}), không được tiếp nhận, đã được bộ phận một cửa trả \
                lại cho Ông/Bà {collected_by} lúc {time} ngày {date}.
                Nếu đó không phải Ông/Bà hoặc người Ông/Bà nhờ nhận, xin liên hệ ngay bộ phận một cửa của cơ quan.
                """, "Giấy tờ số hiệu {tracking_number} đã trả cho {collected_by} lúc {time} {date}. Không phải Ông/Bà hay người"
                + " được nhờ? Báo ngay bộ phận một cửa."));
        book.define("dossier-paper-transferred", new Text("Hồ sơ giấy số hiệu {tracking_number} được chuyển đến {office}", """
                Cơ quan nhận hồ sơ giấy Ông/Bà gửi qua bưu điện (số hiệu {tracking_number}, thủ tục {procedure_code}) không còn \
                hoạt động do sắp xếp đơn vị hành chính. Hồ sơ được chuyển đến bộ phận một cửa của {office}, cơ quan kế thừa, để \
                tiếp nhận.
                Ông/Bà liên hệ {office} về hồ sơ này.
                """, "Hồ sơ giấy số hiệu {tracking_number} được chuyển đến bộ phận một cửa của {office} (cơ quan kế thừa) để tiếp nhận."));
        book.define("dossier-transferred", new Text("Hồ sơ {dossier_code} được chuyển đến {office}", """
                Cơ quan giải quyết hồ sơ {dossier_code} không còn hoạt động do sắp xếp đơn vị hành chính. Hồ sơ được chuyển \
                nguyên trạng đến {office}, cơ quan kế thừa, để tiếp tục giải quyết: ngày hẹn trả kết quả và giấy tờ đã nộp \
                không thay đổi.
                Ông/Bà liên hệ {office} về hồ sơ này.
                """, "Hồ sơ {dossier_code} được chuyển đến {office} (cơ quan kế thừa) để tiếp tục giải quyết; ngày hẹn trả kết quả"
                + " không đổi."));
        book.define("dossier-supplement-requested", new Text("Hồ sơ {dossier_code} cần bổ sung", """
                Hồ sơ {dossier_code} cần được bổ sung, hoàn thiện.
                Lý do: {reason}
                Giấy tờ cần bổ sung: {documents}

                Thời hạn giải quyết tạm dừng cho đến khi Ông/Bà bổ sung (phiếu yêu cầu bổ sung, mẫu 02).
                """));
        book.define("dossier-result-ready", new Text("Hồ sơ {dossier_code} đã có kết quả", "Hồ sơ {dossier_code} đã được giải quyết xong.\n{how}\n"));
        book.define("dossier-due-date-extended", new Text("Xin lỗi: hồ sơ {dossier_code} được hẹn lại ngày trả kết quả", """
                Cơ quan chân thành xin lỗi Ông/Bà vì hồ sơ {dossier_code} chưa giải quyết được đúng hẹn.
                Lý do: {reason}
                Ngày hẹn trả kết quả mới: {new_due_date} (trước đây: {previous_due_date})

                Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) có trong mục hồ sơ của Ông/Bà.
                """, "Xin lỗi Ông/Bà: hồ sơ {dossier_code} chưa giải quyết đúng hẹn. Ngày hẹn trả kết quả mới: {new_due_date}."));
        book.define("dossier-document-shared", new Text("Hồ sơ {dossier_code}: cơ quan gửi Ông/Bà tài liệu {kind}", """
                Cơ quan giải quyết hồ sơ {dossier_code} đã gửi Ông/Bà tài liệu: {kind} ({file_name}).
                Tài liệu có trong mục hồ sơ của Ông/Bà.
                """, "Hồ sơ {dossier_code}: cơ quan gửi Ông/Bà tài liệu {kind}, xem trong mục hồ sơ trên Cổng dịch vụ công."));
        book.define("dossier-returned", new Text("Hồ sơ {dossier_code} đã trả kết quả", "Kết quả của hồ sơ {dossier_code} đã được trả cho Ông/Bà ngày {returned_on}.\n"));
        book.define("dossier-stopped", new Text("Hồ sơ {dossier_code} đã dừng xử lý",
                "Hồ sơ {dossier_code} đã dừng xử lý.\nLý do: {reason}\nThông báo dừng xử lý có trong mục hồ sơ của Ông/Bà.\n"));
        book.define("dossier-financial-obligation-requested", new Text("Hồ sơ {dossier_code} cần thực hiện nghĩa vụ tài chính", """
                Hồ sơ {dossier_code} cần thực hiện nghĩa vụ tài chính: {amount} đồng.
                Nội dung: {reason}

                Thời hạn giải quyết tạm dừng; hồ sơ tiếp tục được giải quyết ngay khi khoản nộp được xác nhận.
                Ông/Bà có thể thanh toán trực tuyến trong mục thanh toán.
                """));
        book.define("dossier-withdrawn", new Text("Hồ sơ {dossier_code} đã được rút",
                "Hồ sơ {dossier_code} đã được rút theo đề nghị của Ông/Bà.\nLý do: {reason}\n"
                        + "Khoản phí, lệ phí được hoàn trả (nếu có) sẽ được thông báo riêng.\n"));
        book.define("dossier-result-awaiting-collection", new Text("Kết quả hồ sơ {dossier_code} chờ Ông/Bà tại bộ phận một cửa", """
                Bưu điện chưa giao được kết quả hồ sơ {dossier_code} ({reason}) và đã chuyển lại cho cơ quan.
                Mời Ông/Bà đến bộ phận một cửa để nhận kết quả; có thể đặt lịch hẹn trước.
                """));
    }

    private void definePaymentTexts() {
        book.define("payment-requested", new Text("Yêu cầu nộp phí, lệ phí cho hồ sơ {dossier_code}", """
                Hồ sơ {dossier_code} {what}.
                Số tiền: {amount} đồng
                Hạn nộp: {pay_by}

                Ông/Bà có thể thanh toán trực tuyến trên Cổng dịch vụ công; biên lai điện tử được gửi sau khi thanh toán.
                """, "Hồ sơ {dossier_code} {what}: {amount} đồng, hạn nộp {pay_by}. Thanh toán trên Cổng dịch vụ công."));
        book.define("payment-completed", new Text("Đã nhận khoản nộp cho hồ sơ {dossier_code}", """
                Cơ quan đã nhận {amount} đồng Ông/Bà {how} cho hồ sơ {dossier_code}.
                Biên lai điện tử: /api/v1/payments/{payment_id}/receipt (trong mục thanh toán của Ông/Bà).
                """));
        book.define("payment-failed", new Text("Thanh toán cho hồ sơ {dossier_code} chưa thành công", """
                Giao dịch thanh toán {amount} đồng cho hồ sơ {dossier_code} không thành công (mã {provider_code}).
                Ông/Bà chưa bị trừ tiền cho giao dịch này và có thể thanh toán lại trong mục thanh toán.
                """));
        book.define("payment-due-soon", new Text("Sắp đến hạn nộp phí, lệ phí cho hồ sơ {dossier_code}", """
                Khoản nộp {amount} đồng cho hồ sơ {dossier_code} chưa được thanh toán, hạn nộp là ngày {pay_by}.
                Ông/Bà có thể thanh toán trực tuyến trên Cổng dịch vụ công, hoặc nộp tại bộ phận một cửa của cơ quan giải quyết.
                Nếu Ông/Bà đã thanh toán, xin bỏ qua thông báo này.
                """, "Hồ sơ {dossier_code}: khoản nộp {amount} đồng chưa thanh toán, hạn nộp ngày {pay_by}. Thanh toán trên Cổng dịch vụ công."));
        book.define("payment-expired", new Text("Đã quá hạn nộp phí, lệ phí cho hồ sơ {dossier_code}", """
                Khoản nộp {amount} đồng cho hồ sơ {dossier_code} đã quá hạn ngày {pay_by} mà chưa được thanh toán.
                Ông/Bà vẫn có thể thanh toán trực tuyến trên Cổng dịch vụ công, hoặc nộp tại bộ phận một cửa của cơ quan giải quyết.
                """));
        book.define("payment-cancelled", new Text("Không còn phải nộp phí, lệ phí cho hồ sơ {dossier_code}", """
                Khoản nộp {amount} đồng cho hồ sơ {dossier_code} đã được hủy, Ông/Bà không phải nộp khoản này.
                Lý do: {reason}
                Nếu Ông/Bà vừa thanh toán trực tuyến khoản này, số tiền được hoàn về tài khoản hoặc thẻ đã dùng để thanh toán.
                """, "Hồ sơ {dossier_code}: khoản nộp {amount} đồng đã được hủy, Ông/Bà không phải nộp khoản này."));
        book.define("payment-refund-awaiting-collection", new Text("Mời nhận lại tiền hoàn trả cho hồ sơ {dossier_code}", """
                Từ ngày {date}, bộ phận một cửa của cơ quan giải quyết đang giữ {amount} đồng hoàn trả cho Ông/Bà (hồ sơ {dossier_code}).
                Mời Ông/Bà mang giấy tờ tùy thân đến bộ phận một cửa để nhận lại tiền và ký phiếu chi.
                """, "Hồ sơ {dossier_code}: {amount} đồng hoàn trả cho Ông/Bà đang chờ nhận tại bộ phận một cửa từ ngày {date}."));
        book.define("payment-refunded", new Text("Hoàn trả phí, lệ phí cho hồ sơ {dossier_code}", """
                Cơ quan hoàn trả Ông/Bà {amount} đồng đã nộp cho hồ sơ {dossier_code}.
                Lý do: {reason}
                {how}
                """));
    }

    private void defineAppointmentAndPostTexts() {
        book.define("postal-address-confirmation-requested", new Text("Xác nhận địa chỉ nhận kết quả hồ sơ {dossier_code}", """
                Kết quả hồ sơ {dossier_code} sẽ được gửi qua dịch vụ bưu chính công ích đến:
                {recipient_name}, {address}, {province} ({phone})

                Nếu địa chỉ chưa đúng, Ông/Bà sửa trong mục gửi nhận qua bưu điện trước khi bưu tá đến nhận kết quả.
                """));
        book.define("postal-originals-return-planned", new Text("Gửi trả giấy tờ bản chính của hồ sơ {dossier_code}", """
                Giấy tờ bản chính bưu điện đã thu gom của Ông/Bà cho hồ sơ {dossier_code} sẽ được gửi trả qua dịch vụ bưu chính công ích.
                Lý do: {reason}.
                Địa chỉ nhận: {recipient_name}, {address}, {province} ({phone})

                Nếu địa chỉ chưa đúng, Ông/Bà sửa trong mục gửi nhận qua bưu điện trước khi bưu tá đến nhận; hoặc đến bộ phận
                một cửa của cơ quan giải quyết để nhận trực tiếp. Cước chuyển phát, nếu Ông/Bà phải trả, được thu khi nhận.
                """, "Hồ sơ {dossier_code}: giấy tờ bản chính của Ông/Bà sẽ được gửi trả qua bưu điện đến địa chỉ đã thu gom."));
        book.define("postal-originals-awaiting-collection", new Text("Mời nhận giấy tờ bản chính của hồ sơ {dossier_code}", """
                Bưu điện không giao được giấy tờ bản chính của hồ sơ {dossier_code} cho Ông/Bà sau {attempts} lần phát và đã chuyển về
                bộ phận một cửa của cơ quan giải quyết.
                Mời Ông/Bà mang giấy tờ tùy thân đến bộ phận một cửa để nhận lại.
                """, "Hồ sơ {dossier_code}: giấy tờ bản chính của Ông/Bà đang chờ nhận tại bộ phận một cửa; mang giấy tờ tùy thân khi đến."));
        book.define("postal-result-dispatched", new Text("Kết quả hồ sơ {dossier_code} đã được gửi đi", """
                Bưu điện đã nhận kết quả hồ sơ {dossier_code} để chuyển đến Ông/Bà.
                Số hiệu bưu gửi (tra cứu hành trình): {tracking_number}
                {to_pay}
                {pay_online}
                """, "Kết quả hồ sơ {dossier_code} đã được gửi qua bưu điện. Số hiệu bưu gửi: {tracking_number}. {to_pay}"));
        book.define("postal-out-for-delivery", new Text("Kết quả hồ sơ {dossier_code} đang được giao", """
                Bưu tá đang giao kết quả hồ sơ {dossier_code} (số hiệu {tracking_number}) trong hôm nay.
                {to_pay}
                Ông/Bà vui lòng giữ liên lạc qua số điện thoại đã đăng ký để nhận.
                """, "Bưu tá đang giao kết quả hồ sơ {dossier_code} (số hiệu {tracking_number}) trong hôm nay. {to_pay}"));
        book.define("postal-delivery-attempt-failed", new Text("Chưa giao được kết quả hồ sơ {dossier_code}", """
                Bưu tá chưa giao được kết quả hồ sơ {dossier_code} (lần {attempt}: {reason}).
                Bưu điện sẽ giao lại; nếu lần giao cuối vẫn không thành công, kết quả được chuyển về bộ phận một cửa để Ông/Bà đến nhận.
                {to_pay}
                {pay_online}
                """));
        book.define("postal-papers-dispatched", new Text("Giấy tờ gửi trả của hồ sơ {dossier_code} đã được gửi đi", """
                Bưu điện đã nhận giấy tờ của Ông/Bà (hồ sơ {dossier_code}) tại cơ quan giải quyết để gửi trả.
                Số hiệu bưu gửi (tra cứu hành trình): {tracking_number}
                {to_pay}
                """, "Hồ sơ {dossier_code}: giấy tờ của Ông/Bà đã được gửi trả qua bưu điện, số hiệu {tracking_number}."));
        book.define("postal-papers-out-for-delivery", new Text("Giấy tờ gửi trả của hồ sơ {dossier_code} đang được giao", """
                Bưu tá đang giao giấy tờ gửi trả Ông/Bà (hồ sơ {dossier_code}, số hiệu {tracking_number}) trong hôm nay.
                {to_pay}
                Ông/Bà vui lòng giữ liên lạc qua số điện thoại đã đăng ký để nhận.
                """, "Hồ sơ {dossier_code}: bưu tá đang giao giấy tờ gửi trả Ông/Bà (số hiệu {tracking_number}) trong hôm nay."));
        book.define("postal-papers-delivery-attempt-failed", new Text("Chưa giao được giấy tờ gửi trả của hồ sơ {dossier_code}", """
                Bưu tá chưa giao được giấy tờ gửi trả Ông/Bà (hồ sơ {dossier_code}, lần {attempt}: {reason}).
                Bưu điện sẽ giao lại; nếu lần giao cuối vẫn không thành công, giấy tờ được chuyển về bộ phận một cửa của cơ quan giải
                quyết để Ông/Bà đến nhận.
                {to_pay}
                """));
        book.define("postal-dossier-return-planned", new Text("Gửi trả hồ sơ giấy {dossier_code}", """
                Hồ sơ giấy {dossier_code} mà bưu điện đã thu gom của Ông/Bà (số hiệu {collected_item}) sẽ được gửi trả qua dịch vụ bưu
                chính công ích.
                Lý do: {reason}.
                Địa chỉ nhận: {recipient_name}, {address}, {province} ({phone})

                Nếu địa chỉ chưa đúng, Ông/Bà sửa trong mục gửi nhận qua bưu điện trước khi bưu tá đến nhận; hoặc đến bộ phận
                một cửa của cơ quan giải quyết để nhận trực tiếp. Cước chuyển phát, nếu Ông/Bà phải trả, được thu khi nhận.
                """, "Hồ sơ {dossier_code}: hồ sơ giấy của Ông/Bà sẽ được gửi trả qua bưu điện đến địa chỉ đã thu gom."));
        book.define("postal-dossier-awaiting-collection", new Text("Mời nhận lại hồ sơ giấy {dossier_code}", """
                Bưu điện không giao được hồ sơ giấy {dossier_code} cho Ông/Bà sau {attempts} lần phát và đã chuyển về bộ phận một
                cửa của cơ quan giải quyết.
                Mời Ông/Bà mang giấy tờ tùy thân đến bộ phận một cửa để nhận lại.
                """, "Hồ sơ {dossier_code}: hồ sơ giấy của Ông/Bà đang chờ nhận lại tại bộ phận một cửa; mang giấy tờ tùy thân khi đến."));
        book.define("postal-paper-dossier-arrived", new Text("Hồ sơ giấy số hiệu {tracking_number} đã đến cơ quan giải quyết", """
                Bưu điện đã chuyển hồ sơ giấy Ông/Bà gửi (số hiệu {tracking_number}, thủ tục {procedure_code}) đến bộ phận một cửa
                của cơ quan giải quyết ngày {date}.
                Cán bộ một cửa kiểm tra và tiếp nhận hồ sơ; khi hồ sơ được tiếp nhận, Ông/Bà nhận được mã hồ sơ để theo dõi.
                Thời hạn giải quyết tính từ ngày tiếp nhận.
                """, "Hồ sơ giấy số hiệu {tracking_number} đã đến bộ phận một cửa ngày {date}; Ông/Bà nhận mã hồ sơ khi hồ sơ được tiếp nhận."));
        book.define("postal-originals-kept", new Text("Hồ sơ {dossier_code}: cơ quan lưu giữ bản chính trong hồ sơ", """
                Cơ quan giải quyết đã tiếp nhận hồ sơ {dossier_code}. Theo quy định của thủ tục, bản chính giấy tờ bưu điện đã thu
                gom của Ông/Bà được lưu trong hồ sơ tại cơ quan và không gửi trả cùng kết quả.
                Nếu hồ sơ bị từ chối, Ông/Bà rút hồ sơ hoặc hồ sơ dừng xử lý, bản chính được gửi trả Ông/Bà qua bưu điện.
                """, "Hồ sơ {dossier_code}: theo quy định của thủ tục, cơ quan lưu bản chính Ông/Bà gửi trong hồ sơ, không gửi trả cùng kết quả."));
        book.define("postal-collection-scheduled", new Text("Lịch bưu tá đến thu gom {papers}", """
                Bưu điện hẹn đến thu gom {papers} (số hiệu {tracking_number}) {window}.
                Ông/Bà vui lòng có mặt tại địa chỉ đã đăng ký, chuẩn bị sẵn giấy tờ và giữ liên lạc qua số điện thoại đã đăng ký.
                """, "Bưu tá đến thu gom {papers} {window}; vui lòng có mặt và chuẩn bị sẵn giấy tờ."));
        book.define("postal-collection-attempt-failed", new Text("Bưu tá chưa thu gom được {papers}", """
                Bưu tá đến thu gom {papers} (số hiệu {tracking_number}) nhưng chưa thu gom được (lần {attempt}: {reason}).
                Bưu tá sẽ quay lại; Ông/Bà vui lòng giữ liên lạc qua số điện thoại đã đăng ký và chuẩn bị sẵn giấy tờ. {stop_rule}
                """, "Bưu tá chưa thu gom được {papers} (lần {attempt}), sẽ quay lại; vui lòng giữ liên lạc và chuẩn bị sẵn giấy tờ."));
        book.define("postal-collection-abandoned", new Text("Bưu điện dừng thu gom {papers}", """
                Bưu điện không thu gom được {papers} (số hiệu {tracking_number}) sau {attempts} lần và đã dừng thu gom; chưa có giấy tờ
                nào được chuyển đi.
                {next_step}
                """, "Bưu điện đã dừng thu gom {papers} sau {attempts} lần không gặp được Ông/Bà. {short_next_step}"));
        book.define("appointment-booked", new Text("Lịch hẹn {booking_code} ngày {date}", """
                Ông/Bà đã đặt lịch hẹn tại {office}: {date}, từ {start} đến {end} ({purpose}).
                Mã lịch hẹn: {booking_code} — xuất trình mã này tại quầy tiếp nhận để được xếp số.
                """, "Lịch hẹn {booking_code} tại {office}: {date}, {start}-{end} ({purpose})."));
        book.define("appointment-rescheduled", new Text("Lịch hẹn {booking_code} đã đổi sang ngày {date}",
                "Lịch hẹn {booking_code} tại {office} đã đổi từ {previous_date} {previous_start} sang {date}, từ {start} đến {end}.\n"));
        book.define("appointment-cancelled", new Text("Lịch hẹn {booking_code} đã hủy",
                "Lịch hẹn {booking_code} tại {office} ngày {date} lúc {start} đã hủy.\nLý do: {reason}\n"));
        book.define("appointment-reminder", new Text("Nhắc lịch hẹn {booking_code} {when}", """
                Ông/Bà có lịch hẹn tại {office} {when} ({date}, lúc {start}) để {purpose}.
                Mã lịch hẹn: {booking_code}. Nếu không đến được, Ông/Bà vui lòng hủy để nhường chỗ cho người khác.
                """, "Nhắc lịch hẹn {booking_code} tại {office} {when} ({date}, {start})."));
        book.define("queue-turn-near", new Text("Sắp đến lượt số {ticket}",
                "Số {ticket}: còn {people_before} người trước Ông/Bà tại {office}. Mời Ông/Bà có mặt tại phòng chờ.\n"));
    }

    Message dossierSubmitted(DossierSubmitted submitted) {
        // True for the channel it came by: only an online dossier was "sent online".
        String how = switch (submitted.dossier().submittedVia()) {
            case ONLINE -> "đã được gửi trực tuyến thành công";
            case IN_PERSON -> "đã được nộp tại bộ phận một cửa";
            case POSTAL -> "đã được nộp qua dịch vụ bưu chính công ích";
        };
        return book.render("dossier-submitted", Map.of("dossier_code", submitted.dossier().dossierCode(),
                "full_name", submitted.applicant().fullName(), "procedure", submitted.procedureName(), "how", how,
                "submitted_on", date(submitted.submittedAt())));
    }

    Message dossierReceived(DossierReceived event) {
        return book.render("dossier-received", Map.of("dossier_code", event.dossier().dossierCode(), "due_date", day(event.dueDate())));
    }

    Message dossierRejected(DossierRejected event) {
        return book.render("dossier-rejected", Map.of("dossier_code", event.dossier().dossierCode(), "reason", event.reason()));
    }

    Message supplementRequested(DossierSupplementRequested event) {
        return book.render("dossier-supplement-requested", Map.of("dossier_code", event.dossier().dossierCode(), "reason", event.reason(),
                "documents", String.join("; ", event.documentsRequested())));
    }

    Message resultReady(DossierResultReady event) {
        // The fee comes first where it is still due: told "read it online", the applicant met a refusal (ADR 0064).
        long due = event.feesStillDue();
        String how = due == 0 ? switch (event.dossier().resultDelivery()) {
            case POST -> "Kết quả sẽ được gửi đến Ông/Bà qua dịch vụ bưu chính công ích.";
            case ONLINE -> "Ông/Bà nhận kết quả trực tuyến trong mục hồ sơ.";
            case COUNTER -> "Mời Ông/Bà đến bộ phận một cửa để nhận kết quả.";
        } : switch (event.dossier().resultDelivery()) {
            case POST -> "Kết quả sẽ được gửi đến Ông/Bà qua dịch vụ bưu chính công ích; Ông/Bà nộp " + money(due)
                    + " đồng phí, lệ phí cho nhân viên bưu điện khi nhận, nếu chưa thanh toán trực tuyến.";
            case ONLINE -> "Ông/Bà nhận kết quả trực tuyến sau khi nộp " + money(due)
                    + " đồng phí, lệ phí, hoặc nộp và nhận tại bộ phận một cửa.";
            case COUNTER -> "Mời Ông/Bà đến bộ phận một cửa để nộp " + money(due) + " đồng phí, lệ phí và nhận kết quả.";
        };
        return book.render("dossier-result-ready", Map.of("dossier_code", event.dossier().dossierCode(), "how", how));
    }

    Message dueDateExtended(DossierDueDateExtended event) {
        return book.render("dossier-due-date-extended", Map.of("dossier_code", event.dossier().dossierCode(), "reason", event.reason(),
                "new_due_date", day(event.newDueDate()), "previous_due_date", day(event.previousDueDate())));
    }

    Message documentShared(DossierDocumentShared event) {
        return book.render("dossier-document-shared", Map.of("dossier_code", event.dossier().dossierCode(), "kind", event.kind(),
                "file_name", event.fileName()));
    }

    Message returned(DossierReturned event) {
        return book.render("dossier-returned", Map.of("dossier_code", event.dossier().dossierCode(), "returned_on", date(event.returnedAt())));
    }

    Message stopped(DossierStopped event) {
        return book.render("dossier-stopped", Map.of("dossier_code", event.dossier().dossierCode(), "reason", event.reason()));
    }

    Message financialObligationRequested(DossierFinancialObligationRequested event) {
        return book.render("dossier-financial-obligation-requested", Map.of("dossier_code", event.dossier().dossierCode(),
                "amount", money(event.amount()), "reason", event.reason()));
    }

    Message withdrawn(DossierWithdrawn event) {
        return book.render("dossier-withdrawn", Map.of("dossier_code", event.dossier().dossierCode(), "reason", event.reason()));
    }

    Message resultAwaitingCollection(DossierResultAwaitingCollection event) {
        return book.render("dossier-result-awaiting-collection", Map.of("dossier_code", event.dossier().dossierCode(),
                "reason", event.reason() == null ? "không gặp người nhận" : event.reason()));
    }

    Message paymentRequested(PaymentRequested payment) {
        // What falls due depends on the stage: the text says which, and only what the platform implements.
        String what = switch (payment.stage()) {
            case INTAKE -> "cần nộp phí, lệ phí khi nộp hồ sơ";
            case SUPPLEMENT -> "cần nộp phí, lệ phí khi bổ sung hồ sơ";
            case RESULT -> "cần nộp phí, lệ phí khi nhận kết quả";
            case OBLIGATION -> "cần thực hiện nghĩa vụ tài chính để tiếp tục được giải quyết";
        };
        return book.render("payment-requested", Map.of("dossier_code", payment.dossierCode(), "what", what, "amount", money(payment.amount()),
                "pay_by", date(payment.payBy())));
    }

    Message paymentCompleted(PaymentCompleted payment) {
        // A record without a method reads as paid online, as it did before cash at the counter.
        String how = switch (payment.method() == null ? PaymentMethod.ONLINE : payment.method()) {
            case CASH_ON_DELIVERY -> "nộp cho nhân viên bưu điện";
            case CASH_AT_COUNTER -> "nộp tại bộ phận một cửa";
            case ONLINE -> "thanh toán trực tuyến";
        };
        return book.render("payment-completed", Map.of("dossier_code", payment.dossierCode(), "amount", money(payment.amount()), "how", how,
                "payment_id", payment.paymentId()));
    }

    Message paymentFailed(PaymentFailed payment) {
        return book.render("payment-failed", Map.of("dossier_code", payment.dossierCode(), "amount", money(payment.amount()),
                "provider_code", String.valueOf(payment.providerCode())));
    }

    Message paymentDueSoon(PaymentDueSoon payment) {
        return book.render("payment-due-soon", Map.of("dossier_code", payment.dossierCode(), "amount", money(payment.amount()),
                "pay_by", date(payment.payBy())));
    }

    Message paymentExpired(PaymentExpired payment) {
        return book.render("payment-expired", Map.of("dossier_code", payment.dossierCode(), "amount", money(payment.amount()),
                "pay_by", date(payment.payBy())));
    }

    Message paymentCancelled(PaymentCancelled payment) {
        return book.render("payment-cancelled", Map.of("dossier_code", payment.dossierCode(), "amount", money(payment.amount()),
                "reason", payment.reason()));
    }

    Message refundAwaitingCollection(PaymentRefundAwaitingCollection refund) {
        return book.render("payment-refund-awaiting-collection", Map.of("dossier_code", refund.dossierCode(), "amount",
                money(refund.amount()), "date", date(refund.owedSince())));
    }

    Message paymentRefunded(PaymentRefunded payment) {
        String how = payment.method() != null && payment.method().inCash()
                ? "Ông/Bà nhận lại tiền mặt tại bộ phận một cửa của cơ quan giải quyết."
                : "Tiền được hoàn về tài khoản hoặc thẻ Ông/Bà đã dùng để thanh toán (mã hoàn tiền " + payment.refundReference() + ").";
        return book.render("payment-refunded", Map.of("dossier_code", payment.dossierCode(), "amount", money(payment.amount()),
                "reason", payment.reason(), "how", how));
    }

    Message addressConfirmationRequested(ReturnAddressConfirmationRequested request) {
        return book.render("postal-address-confirmation-requested", destination(request.dossierCode(), request.recipientName(),
                request.address(), request.addressProvince(), request.recipientPhone()));
    }

    Message originalsReturnPlanned(OriginalsReturnPlanned planned) {
        Map<String, String> values = destination(planned.dossierCode(), planned.recipientName(), planned.address(),
                planned.addressProvince(), planned.recipientPhone());
        values.put("reason", planned.reason());
        return book.render("postal-originals-return-planned", values);
    }

    /** Where the post takes an item, as the postal messages name it; a province not found in the address is said so. */
    private static Map<String, String> destination(String dossierCode, String recipientName, String address, String province,
            String phone) {
        Map<String, String> values = new HashMap<>();
        values.put("dossier_code", dossierCode);
        values.put("recipient_name", recipientName);
        values.put("address", address);
        values.put("province", province == null ? "chưa rõ tỉnh, thành phố" : province);
        values.put("phone", phone);
        return values;
    }

    Message dossierReturnPlanned(PaperDossierReturnPlanned planned) {
        Map<String, String> values = destination(planned.dossierCode(), planned.recipientName(), planned.address(),
                planned.addressProvince(), planned.recipientPhone());
        values.put("reason", planned.reason());
        values.put("collected_item", planned.collectedItemId());
        return book.render("postal-dossier-return-planned", values);
    }

    Message paperDossierTurnedAway(PaperDossierTurnedAway turnedAway) {
        return book.render("dossier-paper-turned-away", Map.of("tracking_number", turnedAway.itemId(), "procedure_code",
                turnedAway.procedureCode() == null ? "—" : turnedAway.procedureCode(), "reason", turnedAway.reason()));
    }

    Message paperDossierHandedBack(PaperDossierHandedBack handedBack) {
        return book.render("dossier-paper-handed-back", Map.of("tracking_number", handedBack.itemId(), "collected_by",
                handedBack.collectedBy(), "time", times.format(handedBack.handedBackAt()), "date", dates.format(handedBack.handedBackAt())));
    }

    Message paperDossierTransferred(PaperDossierTransferred transferred) {
        return book.render("dossier-paper-transferred", Map.of("tracking_number", transferred.itemId(), "procedure_code",
                transferred.procedureCode() == null ? "—" : transferred.procedureCode(), "office",
                successor(transferred.toAgencyName(), transferred.toAgencyCode())));
    }

    Message dossierTransferred(DossierTransferred transferred) {
        return book.render("dossier-transferred", Map.of("dossier_code", transferred.dossier().dossierCode(), "office",
                successor(transferred.toAgencyName(), transferred.dossier().agencyCode())));
    }

    /** Events published before the name was carried have the code alone. */
    private static String successor(String name, String code) {
        return name == null || name.isBlank() ? "cơ quan mã " + code : name;
    }

    Message paperDossierArrived(PaperDossierArrived arrival) {
        return book.render("postal-paper-dossier-arrived", Map.of("tracking_number", arrival.itemId(), "procedure_code",
                arrival.procedureCode(), "date", dates.format(arrival.arrivedAt())));
    }

    Message originalsKept(OriginalsKeptOnFile kept) {
        return book.render("postal-originals-kept", Map.of("dossier_code", kept.dossierCode()));
    }

    Message collectionScheduled(ShipmentCollectionScheduled scheduled) {
        return book.render("postal-collection-scheduled", Map.of("papers", papersCollected(scheduled.purpose(), scheduled.dossierCode()),
                "tracking_number", scheduled.itemId(), "window", window(scheduled.pickupFrom(), scheduled.pickupUntil())));
    }

    /** "từ 08:00 đến 11:00 ngày 09/12/2026", or with both days when it spans midnight (Việt Nam time). */
    private String window(Instant from, Instant until) {
        if (dates.format(from).equals(dates.format(until))) {
            return "từ " + times.format(from) + " đến " + times.format(until) + " ngày " + dates.format(from);
        }
        return "từ " + times.format(from) + " ngày " + dates.format(from) + " đến " + times.format(until) + " ngày " + dates.format(until);
    }

    Message collectionAttemptFailed(ShipmentCollectionAttemptFailed failed) {
        return book.render("postal-collection-attempt-failed", Map.of("papers", papersCollected(failed.purpose(), failed.dossierCode()),
                "tracking_number", failed.itemId(), "attempt", Integer.toString(failed.attempt()), "reason",
                failed.reason() == null ? "không gặp người gửi" : failed.reason(), "stop_rule", stopRule(failed)));
    }

    /** How many tries are left under the operator's rule (ADR 0086); an older record does not say. */
    private static String stopRule(ShipmentCollectionAttemptFailed failed) {
        if (failed.attemptsAllowed() == null) {
            return "Sau lần cuối theo quy định của bưu điện mà vẫn không thu gom được, bưu điện dừng thu gom.";
        }
        int left = Math.max(failed.attemptsAllowed() - failed.attempt(), 0);
        return "Bưu điện thu gom tối đa " + failed.attemptsAllowed() + " lần (còn " + left
                + " lần); nếu vẫn không thu gom được, bưu điện dừng thu gom.";
    }

    /** What the citizen may do now: ask the post again for a paper dossier, bring the originals an online dossier waits for. */
    Message collectionAbandoned(ShipmentCollectionAbandoned abandoned) {
        boolean dossier = abandoned.purpose() == ShipmentPurpose.DOSSIER_PICKUP;
        return book.render("postal-collection-abandoned", Map.of("papers", papersCollected(abandoned.purpose(), abandoned.dossierCode()),
                "tracking_number", abandoned.itemId(), "attempts", Integer.toString(abandoned.attempts()), "next_step", dossier
                        ? "Ông/Bà có thể yêu cầu bưu điện thu gom lại trên Cổng dịch vụ công, hoặc nộp hồ sơ trực tiếp tại bộ phận một"
                                + " cửa của cơ quan giải quyết."
                        : "Hồ sơ chỉ được tiếp nhận khi cơ quan đã đối chiếu bản chính: Ông/Bà mang bản chính đến bộ phận một cửa của"
                                + " cơ quan giải quyết.",
                "short_next_step", dossier ? "Có thể yêu cầu thu gom lại hoặc nộp tại bộ phận một cửa."
                        : "Vui lòng mang bản chính đến bộ phận một cửa."));
    }

    /** The papers the postman came for, as the citizen knows them: their paper dossier has no code before it is registered. */
    private static String papersCollected(ShipmentPurpose purpose, String dossierCode) {
        return purpose == ShipmentPurpose.PAPER_ORIGINALS && dossierCode != null ? "bản chính giấy tờ của hồ sơ " + dossierCode
                : "hồ sơ giấy của Ông/Bà";
    }

    Message dossierAwaitingCollection(PaperDossierAwaitingCollection waiting) {
        return book.render("postal-dossier-awaiting-collection", Map.of("dossier_code", waiting.dossierCode(), "attempts",
                String.valueOf(waiting.failedAttempts())));
    }

    Message originalsAwaitingCollection(OriginalsAwaitingCollection waiting) {
        return book.render("postal-originals-awaiting-collection", Map.of("dossier_code", waiting.dossierCode(), "attempts",
                String.valueOf(waiting.failedAttempts())));
    }

    Message dispatched(ShipmentDispatched shipment) {
        return resultOrPapers(shipment.carriesResult(), "postal-result-dispatched", "postal-papers-dispatched",
                Map.of("dossier_code", shipment.dossierCode(), "tracking_number", shipment.itemId(), "to_pay",
                        toPay(shipment.cashOnDelivery(), shipment.feesOnDelivery())), shipment.feesOnDelivery());
    }

    /**
     * A step of a result on its way, which offers to pay its fees online before the postman comes, or of the citizen's papers
     * going back, originals or a paper dossier (ADR 0079, 0081), on which no fee rides.
     */
    private Message resultOrPapers(boolean result, String resultKey, String papersKey, Map<String, String> values, Long feesOnDelivery) {
        if (!result) {
            return book.render(papersKey, values);
        }
        Map<String, String> withPayOnline = new HashMap<>(values);
        withPayOnline.put("pay_online", payOnline(feesOnDelivery));
        return book.render(resultKey, withPayOnline);
    }

    Message outForDelivery(ShipmentOutForDelivery shipment) {
        return book.render(shipment.carriesResult() ? "postal-out-for-delivery" : "postal-papers-out-for-delivery",
                Map.of("dossier_code", shipment.dossierCode(), "tracking_number", shipment.itemId(), "to_pay",
                        toPay(shipment.cashOnDelivery(), shipment.feesOnDelivery())));
    }

    /** Fees still to collect at the door may be paid online before then, and the postman collects the postage only (ADR 0066). */
    static String payOnline(Long feesOnDelivery) {
        return feesOnDelivery == null || feesOnDelivery <= 0 ? ""
                : "Ông/Bà có thể nộp trước " + money(feesOnDelivery) + " đồng phí, lệ phí trên Cổng dịch vụ công để không phải trả khoản này khi"
                        + " nhận.";
    }

    /**
     * What to have ready for the postman, as the shipment stood when the event was published: the fees still due and the
     * postage. Nothing is said for an event from before it carried the amount.
     */
    static String toPay(Long cashOnDelivery, Long feesOnDelivery) {
        if (cashOnDelivery == null) {
            return "";
        }
        if (cashOnDelivery <= 0) {
            return "Ông/Bà không phải trả tiền khi nhận.";
        }
        long fees = feesOnDelivery == null ? 0 : Math.min(feesOnDelivery, cashOnDelivery);
        String total = "Khi nhận, Ông/Bà trả nhân viên bưu điện " + money(cashOnDelivery) + " đồng";
        if (fees == 0) {
            return total + " cước dịch vụ bưu chính.";
        }
        if (fees == cashOnDelivery) {
            return total + " phí, lệ phí.";
        }
        return total + ": " + money(fees) + " đồng phí, lệ phí và " + money(cashOnDelivery - fees) + " đồng cước dịch vụ bưu chính.";
    }

    Message deliveryAttemptFailed(ShipmentDeliveryAttemptFailed attempt) {
        return resultOrPapers(attempt.carriesResult(), "postal-delivery-attempt-failed", "postal-papers-delivery-attempt-failed",
                Map.of("dossier_code", attempt.dossierCode(), "attempt", Integer.toString(attempt.attempt()), "reason",
                        attempt.reason() == null ? "không gặp người nhận" : attempt.reason(), "to_pay",
                        toPay(attempt.cashOnDelivery(), attempt.feesOnDelivery())), attempt.feesOnDelivery());
    }

    Message appointmentBooked(AppointmentBooked booking) {
        return book.render("appointment-booked", Map.of("booking_code", booking.bookingCode(), "office", booking.officeId(),
                "date", day(booking.date()), "start", String.valueOf(booking.start()), "end", String.valueOf(booking.end()),
                "purpose", purpose(booking.purpose())));
    }

    Message appointmentRescheduled(AppointmentRescheduled booking) {
        return book.render("appointment-rescheduled", Map.of("booking_code", booking.bookingCode(), "office", booking.officeId(),
                "previous_date", day(booking.previousDate()), "previous_start", String.valueOf(booking.previousStart()),
                "date", day(booking.date()), "start", String.valueOf(booking.start()), "end", String.valueOf(booking.end())));
    }

    Message appointmentCancelled(AppointmentCancelled booking) {
        return book.render("appointment-cancelled", Map.of("booking_code", booking.bookingCode(), "office", booking.officeId(),
                "date", day(booking.date()), "start", String.valueOf(booking.start()),
                "reason", booking.reason() == null ? "theo đề nghị" : booking.reason()));
    }

    Message appointmentReminder(AppointmentReminderDue reminder) {
        String when = reminder.reminder() == ReminderKind.DAY_BEFORE ? "ngày mai" : "sau khoảng một giờ nữa";
        return book.render("appointment-reminder", Map.of("booking_code", reminder.bookingCode(), "when", when,
                "office", reminder.officeName() == null ? reminder.officeId() : reminder.officeName(), "date", day(reminder.date()),
                "start", String.valueOf(reminder.start()), "purpose", purpose(reminder.purpose())));
    }

    Message turnNear(TurnNear turn) {
        return book.render("queue-turn-near", Map.of("ticket", turn.ticketNumber(), "people_before", Integer.toString(turn.peopleBefore()),
                "office", turn.officeId()));
    }

    private static String purpose(VisitPurpose purpose) {
        return switch (purpose) {
            case HAND_IN -> "nộp hồ sơ";
            case COLLECT_RESULT -> "nhận kết quả";
            case GUIDANCE -> "được hướng dẫn";
        };
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
