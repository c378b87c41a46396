package vn.motcua.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.events.appointment.AppointmentBooked;
import vn.motcua.events.appointment.BookingChannel;
import vn.motcua.events.appointment.TurnNear;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.events.dossier.DossierDocumentShared;
import vn.motcua.events.dossier.DossierDueDateExtended;
import vn.motcua.events.dossier.DossierResultReady;
import vn.motcua.events.dossier.DossierSupplementRequested;
import vn.motcua.events.dossier.DossierTransferred;
import vn.motcua.events.dossier.PaperDossierHandedBack;
import vn.motcua.events.dossier.PaperDossierTransferred;
import vn.motcua.events.dossier.PaperDossierTurnedAway;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.events.payment.PaymentCancelled;
import vn.motcua.events.payment.PaymentDueSoon;
import vn.motcua.events.payment.PaymentExpired;
import vn.motcua.events.payment.PaymentRefundAwaitingCollection;
import vn.motcua.events.payment.PaymentRequested;
import vn.motcua.events.postal.OriginalsAwaitingCollection;
import vn.motcua.events.postal.OriginalsKeptOnFile;
import vn.motcua.events.postal.OriginalsReturnPlanned;
import vn.motcua.events.postal.PaperDossierArrived;
import vn.motcua.events.postal.PaperDossierAwaitingCollection;
import vn.motcua.events.postal.PaperDossierReturnPlanned;
import vn.motcua.events.postal.ShipmentCollectionAbandoned;
import vn.motcua.events.postal.ShipmentCollectionAttemptFailed;
import vn.motcua.events.postal.ShipmentCollectionScheduled;
import vn.motcua.events.postal.ShipmentDeliveryAttemptFailed;
import vn.motcua.events.postal.ShipmentDispatched;
import vn.motcua.events.postal.ShipmentOutForDelivery;
import vn.motcua.events.postal.ShipmentPurpose;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.templates.TemplateBook;
import vn.motcua.testinfra.EventMother;

class TemplatesTest {
    private final TemplateBook book = new TemplateBook(null, Clock.systemUTC());
    private final Templates templates = new Templates(ZoneId.of("Asia/Ho_Chi_Minh"), book);

    @Test
    void everyKindOfMessageHasABuiltInTextInVietnamese() {
        assertThat(book.keys()).hasSize(45).contains("dossier-submitted", "dossier-due-date-extended", "dossier-document-shared",
                "payment-requested", "payment-due-soon", "payment-cancelled", "payment-refund-awaiting-collection",
                "queue-turn-near", "postal-address-confirmation-requested", "postal-originals-return-planned",
                "postal-originals-awaiting-collection", "postal-papers-dispatched", "postal-papers-out-for-delivery",
                "postal-papers-delivery-attempt-failed", "postal-dossier-return-planned", "postal-dossier-awaiting-collection",
                "postal-paper-dossier-arrived", "postal-collection-attempt-failed", "postal-collection-abandoned",
                "postal-originals-kept", "postal-collection-scheduled", "dossier-paper-turned-away", "dossier-transferred",
                "dossier-paper-transferred", "dossier-paper-handed-back");
        for (String key : book.keys()) {
            assertThat(book.currentVersion(key)).isEqualTo(1);
            assertThat(book.current(key).title()).as(key).isNotBlank();
        }
    }

    @Test
    void theValuesFillEveryPlaceholderAndTheShortTextFitsAnSms() {
        var dossier = EventMother.snapshot("000.10.20.30.H29-261201-0001", "001090000001", ResultDelivery.POST);
        List<Message> messages = List.of(
                templates.dossierSubmitted(EventMother.dossierSubmitted("000.10.20.30.H29-261201-0001", "001090000001", 0)),
                templates.supplementRequested(new DossierSupplementRequested(dossier, "Thiếu bản sao", List.of("CCCD", "Sổ hộ khẩu"),
                        Instant.now())),
                templates.dueDateExtended(new DossierDueDateExtended(dossier, LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-04"),
                        "Cần xác minh", Instant.now())),
                templates.paymentRequested(new PaymentRequested("PAY-1", dossier.dossierCode(), "001090000001", FeeStage.INTAKE, 1_200_000,
                        "VND", Instant.now(), Instant.parse("2026-12-01T03:00:00Z"))),
                templates.appointmentBooked(new AppointmentBooked("LHBOOKED81", "TT-HUYEN", "000.10.20.30.H29", LocalDate.parse("2026-12-07"),
                        LocalTime.of(8, 0), LocalTime.of(8, 30), VisitPurpose.GUIDANCE, null, null, "001090000001", "0912345678",
                        BookingChannel.PORTAL, "001090000001", Instant.now())),
                templates.turnNear(new TurnNear("T-1", "TT-HUYEN", "A012", 3, false, "001090000001", "0912345678", Instant.now())),
                templates.documentShared(new DossierDocumentShared(dossier, "doc-1", "Phiếu thẩm định", "tham-dinh.pdf",
                        Instant.now())));
        for (Message message : messages) {
            assertThat(message.title() + message.body() + message.shortText()).as(message.template()).doesNotContain("{", "}");
        }
        assertThat(messages.get(3).shortText()).isEqualTo(
                "Hồ sơ 000.10.20.30.H29-261201-0001 cần nộp phí, lệ phí khi nộp hồ sơ: 1.200.000 đồng, hạn nộp 01/12/2026."
                        + " Thanh toán trên Cổng dịch vụ công.");
        assertThat(messages.get(1).body()).contains("Giấy tờ cần bổ sung: CCCD; Sổ hộ khẩu").contains("mẫu 02");
        assertThat(messages.get(2).title()).startsWith("Xin lỗi");
        assertThat(messages.get(6).body()).contains("Phiếu thẩm định (tham-dinh.pdf)").contains("mục hồ sơ");
        assertThat(messages.get(6).shortText()).hasSizeLessThanOrEqualTo(160).contains("Phiếu thẩm định");
    }

    @Test
    void aResultWhoseFeeIsStillDueSaysThatTheFeeComesFirstAndHowMuch() {
        String code = "000.10.20.30.H29-261201-0002";
        LocalDate due = LocalDate.parse("2026-12-10");

        Message online = templates.resultReady(new DossierResultReady(EventMother.snapshot(code, "001090000001", ResultDelivery.ONLINE),
                "leader1", due, due, Instant.now(), 60_000L));
        Message atCounter = templates.resultReady(new DossierResultReady(
                EventMother.snapshot(code, "001090000001", ResultDelivery.COUNTER), "leader1", due, due, Instant.now(), 60_000L));
        Message byPost = templates.resultReady(new DossierResultReady(EventMother.snapshot(code, "001090000001", ResultDelivery.POST),
                "leader1", due, due, Instant.now(), 60_000L));
        Message paid = templates.resultReady(new DossierResultReady(EventMother.snapshot(code, "001090000001", ResultDelivery.ONLINE),
                "leader1", due, due, Instant.now(), 0L));
        Message writtenBefore = templates.resultReady(new DossierResultReady(
                EventMother.snapshot(code, "001090000001", ResultDelivery.ONLINE), "leader1", due, due, Instant.now()));

        assertThat(online.body()).contains("sau khi nộp 60.000 đồng phí, lệ phí", "tại bộ phận một cửa");
        assertThat(atCounter.body()).contains("nộp 60.000 đồng phí, lệ phí và nhận kết quả");
        assertThat(byPost.body()).contains("nộp 60.000 đồng phí, lệ phí cho nhân viên bưu điện");
        assertThat(paid.body()).contains("Ông/Bà nhận kết quả trực tuyến trong mục hồ sơ.").doesNotContain("phí");
        assertThat(writtenBefore.body()).isEqualTo(paid.body());
    }
    @Test
    void aResultOnItsWayByPostSaysWhatToHaveReadyForThePostman() {
        String code = "000.10.20.30.H29-261201-0003";
        Message dispatched = templates.dispatched(new ShipmentDispatched("RET-" + code, code, "RR123456785VN", "001090000001",
                Instant.now(), 338_000L, 300_000L, ShipmentPurpose.RESULT_RETURN));
        assertThat(dispatched.body()).contains(
                "Khi nhận, Ông/Bà trả nhân viên bưu điện 338.000 đồng: 300.000 đồng phí, lệ phí và 38.000 đồng cước dịch vụ bưu chính.");
        assertThat(dispatched.shortText()).contains("338.000 đồng").doesNotContain("{", "}");
        assertThat(dispatched.body()).contains("Ông/Bà có thể nộp trước 300.000 đồng phí, lệ phí trên Cổng dịch vụ công");
        Message failed = templates.deliveryAttemptFailed(new ShipmentDeliveryAttemptFailed("RET-" + code, code, "RR123456785VN",
                "001090000001", 1, "Không gặp người nhận", Instant.now(), 338_000L, 300_000L, ShipmentPurpose.RESULT_RETURN));
        assertThat(failed.body()).contains("trả nhân viên bưu điện 338.000 đồng").contains("nộp trước 300.000 đồng phí, lệ phí");
        for (Message message : List.of(dispatched, failed)) {
            assertThat(message.values().values()).as("each fits one Zalo parameter").allSatisfy(value -> assertThat(value).hasSizeLessThan(200));
        }

        Message out = templates.outForDelivery(new ShipmentOutForDelivery("RET-" + code, code, "RR123456785VN", "001090000001",
                Instant.now(), 22_000L, 0L, ShipmentPurpose.RESULT_RETURN));
        assertThat(out.body()).contains("Khi nhận, Ông/Bà trả nhân viên bưu điện 22.000 đồng cước dịch vụ bưu chính.");
        assertThat(out.shortText()).contains("22.000 đồng").doesNotContain("{", "}");

        assertThat(Templates.toPay(0L, 0L)).isEqualTo("Ông/Bà không phải trả tiền khi nhận.");
        assertThat(Templates.toPay(50_000L, 50_000L)).endsWith("50.000 đồng phí, lệ phí.");
        assertThat(templates.outForDelivery(new ShipmentOutForDelivery("RET-" + code, code, "RR123456785VN", "001090000001",
                Instant.now())).body()).as("an event from before it carried the amount").doesNotContain("trả", "{");
    }

    @Test
    void aCancelledFeeSaysNothingIsOwedWhyAndWhereMoneyPaidMeanwhileGoes() {
        String code = "000.10.20.30.H29-261201-0004";
        Message cancelled = templates.paymentCancelled(new PaymentCancelled("PAY-" + code + "-INTAKE", code, "001090000001",
                FeeStage.INTAKE, 1_200_000, true, "Hồ sơ được rút: không cần nữa", Instant.now()));

        assertThat(cancelled.title()).isEqualTo("Không còn phải nộp phí, lệ phí cho hồ sơ " + code);
        assertThat(cancelled.body()).contains("Khoản nộp 1.200.000 đồng cho hồ sơ " + code + " đã được hủy")
                .contains("Lý do: Hồ sơ được rút: không cần nữa").contains("được hoàn về tài khoản hoặc thẻ");
        assertThat(cancelled.shortText()).hasSizeLessThanOrEqualTo(160).contains("1.200.000 đồng").doesNotContain("{", "}");
    }

    @Test
    void anExpiredFeeSaysItCanStillBePaidOnlineOrAtTheCounter() {
        Message expired = templates.paymentExpired(new PaymentExpired("PAY-1", "000.10.20.30.H29-261201-0005", "001090000001",
                FeeStage.RESULT, 300_000, Instant.parse("2026-12-01T03:00:00Z"), Instant.parse("2026-12-01T03:01:00Z")));

        assertThat(expired.body()).contains("300.000 đồng").contains("quá hạn ngày 01/12/2026")
                .contains("vẫn có thể thanh toán trực tuyến trên Cổng dịch vụ công").doesNotContain("để được hướng dẫn");
    }

    @Test
    void originalsGoingBackSayWhyWhereAndHowToChangeItAndWhereToComeWhenTheyCameBack() {
        String code = "000.10.20.30.H29-261201-0008";
        Message back = templates.originalsReturnPlanned(new OriginalsReturnPlanned("BAK-" + code, code, "001090000001",
                "000.10.20.30.H29", "Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi, Thường Tín", "Hà Nội", "Hồ sơ được rút",
                Instant.parse("2026-12-07T02:00:00Z")));

        assertThat(back.title()).isEqualTo("Gửi trả giấy tờ bản chính của hồ sơ " + code);
        assertThat(back.body()).contains("Lý do: Hồ sơ được rút.").contains("Nguyễn Văn An, Số 5 phố Lê Lợi, Thường Tín, Hà Nội (0912345678)")
                .contains("sửa trong mục gửi nhận qua bưu điện").contains("nhận trực tiếp");
        assertThat(back.shortText()).hasSizeLessThanOrEqualTo(160).doesNotContain("{", "}");

        Message waiting = templates.originalsAwaitingCollection(new OriginalsAwaitingCollection("BAK-" + code, code, "001090000001",
                "000.10.20.30.H29", 3, "Không có người nhận", Instant.parse("2026-12-10T02:00:00Z")));
        assertThat(waiting.body()).contains("sau 3 lần phát").contains("mang giấy tờ tùy thân");
        assertThat(waiting.shortText()).hasSizeLessThanOrEqualTo(160).doesNotContain("{", "}");
    }

    @Test
    void papersOnTheirWayBackAreFollowedLikeAResultWithoutAFeeToPayOnline() {
        String code = "000.10.20.30.H29-261201-0009";
        Message dispatched = templates.dispatched(new ShipmentDispatched("BAK-" + code, code, "RR123456790VN", "001090000001",
                Instant.now(), 22_000L, 0L, ShipmentPurpose.ORIGINALS_RETURN));
        assertThat(dispatched.template()).isEqualTo("postal-papers-dispatched");
        assertThat(dispatched.title()).isEqualTo("Giấy tờ gửi trả của hồ sơ " + code + " đã được gửi đi");
        assertThat(dispatched.body()).contains("RR123456790VN").contains("trả nhân viên bưu điện 22.000 đồng cước dịch vụ bưu chính")
                .doesNotContain("kết quả", "Cổng dịch vụ công");
        Message out = templates.outForDelivery(new ShipmentOutForDelivery("TRA-" + code, code, "RR123456790VN", "001090000001",
                Instant.now(), 0L, 0L, ShipmentPurpose.DOSSIER_RETURN));
        assertThat(out.template()).as("a paper dossier going back likewise").isEqualTo("postal-papers-out-for-delivery");
        assertThat(out.body()).contains("không phải trả tiền");
        Message failed = templates.deliveryAttemptFailed(new ShipmentDeliveryAttemptFailed("BAK-" + code, code, "RR123456790VN",
                "001090000001", 2, "Không gặp người nhận", Instant.now(), 22_000L, 0L, ShipmentPurpose.ORIGINALS_RETURN));
        assertThat(failed.template()).isEqualTo("postal-papers-delivery-attempt-failed");
        assertThat(failed.body()).contains("lần 2: Không gặp người nhận").contains("giấy tờ được chuyển về bộ phận một cửa");
        for (Message message : List.of(dispatched, out, failed)) {
            assertThat(message.body()).as(message.template()).doesNotContain("{", "}");
            assertThat(message.shortText()).as(message.template()).hasSizeLessThanOrEqualTo(160).doesNotContain("{", "}");
            assertThat(message.values()).as("nothing offered to pay online").doesNotContainKey("pay_online");
        }

        assertThat(templates.dispatched(new ShipmentDispatched("RET-" + code, code, "RR123456785VN", "001090000001", Instant.now()))
                .template()).as("a record from before the purpose was said is a result's").isEqualTo("postal-result-dispatched");
    }

    @Test
    void aPaperDossierGoingBackSaysWhyWhereAndWhereToComeWhenItCameBack() {
        String code = "000.10.20.30.H29-261201-0010";
        Message back = templates.dossierReturnPlanned(new PaperDossierReturnPlanned("TRA-" + code, code, "RR100000017VN", "001090000001",
                "000.10.20.30.H29", "Nguyễn Văn An", "0912345678", "Số 5 phố Lê Lợi, Thường Tín", "Hà Nội", "Hồ sơ bị từ chối",
                Instant.parse("2026-12-07T02:00:00Z")));
        assertThat(back.title()).isEqualTo("Gửi trả hồ sơ giấy " + code);
        assertThat(back.body()).contains("số hiệu RR100000017VN").contains("Lý do: Hồ sơ bị từ chối.")
                .contains("Nguyễn Văn An, Số 5 phố Lê Lợi, Thường Tín, Hà Nội (0912345678)").contains("nhận trực tiếp");
        assertThat(back.shortText()).hasSizeLessThanOrEqualTo(160).doesNotContain("{", "}");

        Message waiting = templates.dossierAwaitingCollection(new PaperDossierAwaitingCollection("TRA-" + code, code, "001090000001",
                "000.10.20.30.H29", 3, "Không có người nhận", Instant.parse("2026-12-10T02:00:00Z")));
        assertThat(waiting.body()).contains("sau 3 lần phát").contains("mang giấy tờ tùy thân");
        assertThat(waiting.shortText()).hasSizeLessThanOrEqualTo(160).doesNotContain("{", "}");
    }

    @Test
    void aPaperDossierArrivedSaysItsItemTheDayInVietnamAndThatTheTimeRunsFromItsRegistration() {
        // 18:30 UTC on 3 December is 01:30 on 4 December in Hà Nội.
        Message arrived = templates.paperDossierArrived(new PaperDossierArrived("PIC-RR100000017VN", "RR100000017VN",
                "000.10.20.30.H29", "2.000009", "001090000001", "Trần Thị Bình", "0987654321", Instant.parse("2026-12-03T18:30:00Z")));

        assertThat(arrived.title()).isEqualTo("Hồ sơ giấy số hiệu RR100000017VN đã đến cơ quan giải quyết");
        assertThat(arrived.body()).contains("thủ tục 2.000009", "ngày 04/12/2026", "Thời hạn giải quyết tính từ ngày tiếp nhận")
                .doesNotContain("{", "}");
        assertThat(arrived.shortText()).contains("RR100000017VN", "04/12/2026").hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void aPaperDossierTurnedAwayAtTheDeskIsNamedByItsItemIdWithTheReasonAndWhereThePapersWait() {
        Message turnedAway = templates.paperDossierTurnedAway(new PaperDossierTurnedAway("PIC-RR100000017VN", "RR100000017VN",
                "000.10.20.30.H29", "2.000009", "001090000001", "Người nộp không phải chủ hộ kinh doanh", "officer1", Instant.now()));
        assertThat(turnedAway.title()).isEqualTo("Hồ sơ giấy số hiệu RR100000017VN không được tiếp nhận");
        assertThat(turnedAway.body()).contains("thủ tục 2.000009", "Lý do: Người nộp không phải chủ hộ kinh doanh",
                "giữ tại bộ phận một cửa").doesNotContain("{", "}");
        assertThat(turnedAway.shortText()).contains("RR100000017VN", "Mời nhận lại").hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void papersHandedBackAtTheCounterNameWhoTookThemAndWhenInVietnameseTime() {
        Message handedBack = templates.paperDossierHandedBack(new PaperDossierHandedBack("PIC-RR100000017VN", "RR100000017VN",
                "000.10.20.30.H29", "001090000001", "Trần Thu Hà", "officer1", Instant.parse("2026-12-08T16:45:00Z")));
        assertThat(handedBack.title()).isEqualTo("Giấy tờ số hiệu RR100000017VN đã được trả lại");
        assertThat(handedBack.body()).contains("trả lại cho Ông/Bà Trần Thu Hà lúc 23:45 ngày 08/12/2026",
                "liên hệ ngay bộ phận một cửa").doesNotContain("{", "}");
        assertThat(handedBack.shortText()).contains("RR100000017VN", "Trần Thu Hà", "23:45 08/12/2026").hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void aDossierOrAnEnvelopePassedToTheSuccessorOfADissolvedAgencyNamesTheSuccessorAndSaysNothingElseChanged() {
        var dossier = EventMother.snapshot("000.10.20.H29-250616-0001", "001090000001", ResultDelivery.COUNTER);
        Message moved = templates.dossierTransferred(new DossierTransferred(dossier, "000.10.20.H29", Instant.now(),
                "UBND xã Thường Tín"));
        assertThat(moved.title()).isEqualTo("Hồ sơ 000.10.20.H29-250616-0001 được chuyển đến UBND xã Thường Tín");
        assertThat(moved.body()).contains("cơ quan kế thừa", "ngày hẹn trả kết quả và giấy tờ đã nộp không thay đổi",
                "liên hệ UBND xã Thường Tín").doesNotContain("{", "}");
        assertThat(moved.shortText()).contains("000.10.20.H29-250616-0001", "UBND xã Thường Tín").hasSizeLessThanOrEqualTo(160);
        // Published before the name was carried: the successor by its code, never a blank.
        assertThat(templates.dossierTransferred(new DossierTransferred(dossier, "000.10.20.H29", Instant.now(), null)).title())
                .endsWith("được chuyển đến cơ quan mã " + dossier.agencyCode());

        Message envelope = templates.paperDossierTransferred(new PaperDossierTransferred("PIC-RR100000017VN", "RR100000017VN",
                "000.10.20.H29", "000.10.20.30.H29", "UBND xã Thường Tín", "2.000009", "001090000001", Instant.now()));
        assertThat(envelope.title()).isEqualTo("Hồ sơ giấy số hiệu RR100000017VN được chuyển đến UBND xã Thường Tín");
        assertThat(envelope.body()).contains("thủ tục 2.000009", "bộ phận một cửa của UBND xã Thường Tín").doesNotContain("{", "}");
        assertThat(envelope.shortText()).contains("RR100000017VN").hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void theTimeThePostmanComesForThePapersIsToldInVietnameseTimeWithBothDaysWhenItSpansMidnight() {
        String code = "000.10.20.30.H29-261201-0001";
        Message morning = templates.collectionScheduled(new ShipmentCollectionScheduled("ORI-" + code, code, ShipmentPurpose.PAPER_ORIGINALS,
                "RR100000025VN", "001090000001", Instant.parse("2026-12-09T01:00:00Z"), Instant.parse("2026-12-09T04:00:00Z"),
                Instant.now()));
        assertThat(morning.title()).isEqualTo("Lịch bưu tá đến thu gom bản chính giấy tờ của hồ sơ " + code);
        assertThat(morning.body()).contains("(số hiệu RR100000025VN) từ 08:00 đến 11:00 ngày 09/12/2026", "chuẩn bị sẵn giấy tờ")
                .doesNotContain("{", "}");
        assertThat(morning.shortText()).contains("từ 08:00 đến 11:00 ngày 09/12/2026").hasSizeLessThanOrEqualTo(160);

        Message overnight = templates.collectionScheduled(new ShipmentCollectionScheduled("PIC-RR100000017VN", null,
                ShipmentPurpose.DOSSIER_PICKUP, "RR100000017VN", "001090000001", Instant.parse("2026-12-09T13:00:00Z"),
                Instant.parse("2026-12-10T01:30:00Z"), Instant.now()));
        assertThat(overnight.body()).contains("hồ sơ giấy của Ông/Bà", "từ 20:00 ngày 09/12/2026 đến 08:30 ngày 10/12/2026");
        assertThat(overnight.shortText()).hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void aCollectionThePostmanCouldNotMakeNamesThePapersAndWhatTheCitizenMayDoOnceThePostGaveUp() {
        Message dossierMissed = templates.collectionAttemptFailed(new ShipmentCollectionAttemptFailed("PIC-RR100000017VN", null,
                ShipmentPurpose.DOSSIER_PICKUP, "RR100000017VN", "001090000001", 2, 4, "Nhà đóng cửa", Instant.now()));
        assertThat(dossierMissed.title()).isEqualTo("Bưu tá chưa thu gom được hồ sơ giấy của Ông/Bà");
        assertThat(dossierMissed.body()).contains("số hiệu RR100000017VN", "lần 2: Nhà đóng cửa", "Bưu tá sẽ quay lại",
                "tối đa 4 lần (còn 2 lần)").doesNotContain("{", "}");
        Message olderRecord = templates.collectionAttemptFailed(new ShipmentCollectionAttemptFailed("PIC-RR100000017VN", null,
                ShipmentPurpose.DOSSIER_PICKUP, "RR100000017VN", "001090000001", 1, null, null, Instant.now()));
        assertThat(olderRecord.body()).as("a record before the rule was carried names no count")
                .contains("lần 1: không gặp người gửi", "Sau lần cuối theo quy định").doesNotContain("tối đa", "{", "}");

        String code = "000.10.20.30.H29-261201-0001";
        Message originalsGivenUp = templates.collectionAbandoned(new ShipmentCollectionAbandoned("ORI-" + code, code,
                ShipmentPurpose.PAPER_ORIGINALS, "RR100000025VN", "001090000001", "000.10.20.30.H29", "1.001612", 3, null, Instant.now()));
        assertThat(originalsGivenUp.title()).isEqualTo("Bưu điện dừng thu gom bản chính giấy tờ của hồ sơ " + code);
        assertThat(originalsGivenUp.body()).contains("sau 3 lần", "mang bản chính đến bộ phận một cửa");
        Message dossierGivenUp = templates.collectionAbandoned(new ShipmentCollectionAbandoned("PIC-RR100000017VN", null,
                ShipmentPurpose.DOSSIER_PICKUP, "RR100000017VN", "001090000001", "000.10.20.30.H29", "2.000009", 3, "Nhà đóng cửa",
                Instant.now()));
        assertThat(dossierGivenUp.body()).contains("yêu cầu bưu điện thu gom lại", "nộp hồ sơ trực tiếp");

        for (Message message : List.of(dossierMissed, originalsGivenUp, dossierGivenUp)) {
            assertThat(message.title() + message.body() + message.shortText()).as(message.template()).doesNotContain("{", "}", "null");
            assertThat(message.shortText()).as(message.template()).hasSizeLessThanOrEqualTo(160);
        }
    }

    @Test
    void originalsKeptSayTheyStayInTheFileAndWhenTheyWouldStillGoBack() {
        String code = "000.10.20.30.H29-261201-0001";
        Message kept = templates.originalsKept(new OriginalsKeptOnFile("ORI-" + code, code, "000.10.20.30.H29", "1.003003",
                "001090000001", Instant.now()));
        assertThat(kept.title()).isEqualTo("Hồ sơ " + code + ": cơ quan lưu giữ bản chính trong hồ sơ");
        assertThat(kept.body()).contains("không gửi trả cùng kết quả", "bị từ chối", "gửi trả Ông/Bà qua bưu điện")
                .doesNotContain("{", "}");
        assertThat(kept.shortText()).hasSizeLessThanOrEqualTo(160);
    }

    @Test
    void aFeeDueSoonSaysHowMuchByWhenAndWhereToPay() {
        String code = "000.10.20.30.H29-261201-0007";
        Message dueSoon = templates.paymentDueSoon(new PaymentDueSoon("PAY-" + code + "-INTAKE", code, "001090000001",
                "000.10.20.30.H29", FeeStage.INTAKE, 150_000, Instant.parse("2026-12-08T03:00:00Z"), Instant.parse("2026-12-07T02:00:00Z")));

        assertThat(dueSoon.title()).isEqualTo("Sắp đến hạn nộp phí, lệ phí cho hồ sơ " + code);
        assertThat(dueSoon.body()).contains("150.000 đồng").contains("hạn nộp là ngày 08/12/2026")
                .contains("thanh toán trực tuyến trên Cổng dịch vụ công").contains("xin bỏ qua");
        assertThat(dueSoon.shortText()).hasSizeLessThanOrEqualTo(160).contains("08/12/2026").doesNotContain("{", "}");
    }

    @Test
    void cashWaitingAtTheCounterSaysHowMuchSinceWhenAndWhatToBring() {
        String code = "000.10.20.30.H29-261201-0006";
        Message waiting = templates.refundAwaitingCollection(new PaymentRefundAwaitingCollection("PAY-" + code + "-INTAKE", code,
                "001090000001", "000.10.20.30.H29", 1_200_000, Instant.parse("2026-12-01T03:00:00Z"), Instant.parse("2026-12-15T02:00:00Z")));

        assertThat(waiting.body()).contains("Từ ngày 01/12/2026").contains("đang giữ 1.200.000 đồng hoàn trả cho Ông/Bà (hồ sơ " + code + ")")
                .contains("giấy tờ tùy thân").contains("ký phiếu chi");
        assertThat(waiting.shortText()).hasSizeLessThanOrEqualTo(160).contains("1.200.000 đồng").doesNotContain("{", "}");
    }
}
