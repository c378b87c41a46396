package vn.motcua.notification.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.events.postal.OriginalsAwaitingDecision;
import vn.motcua.notification.inbox.Message;
import vn.motcua.notification.templates.TemplateBook;

class StaffMessagesTest {
    private final StaffMessages messages = new StaffMessages(new TemplateBook(null, Clock.systemUTC()));

    @Test
    void aLeadersDigestCountsTheDraftsAwaitingThemAndNamesWhenEachWasSubmittedInVietnam() {
        // 20:00 UTC on 30 November is 03:00 on 1 December in Hà Nội.
        WatchedDossier early = new WatchedDossier("G22.36.21-261130-0001", "G22.36.21", "specialist1", null,
                LocalDate.parse("2026-12-10"), null, Instant.parse("2026-11-30T20:00:00Z"));
        WatchedDossier late = new WatchedDossier("G22.36.21-261202-0007", "G22.36.21", null, "AT_RISK", null, null,
                Instant.parse("2026-12-03T02:00:00Z"));

        Message digest = messages.approvalsDigest(LocalDate.parse("2026-12-07"), List.of(early, late));

        assertThat(digest.title()).isEqualTo("Nhắc việc ngày 07/12/2026: 2 dự thảo kết quả chờ lãnh đạo phê duyệt");
        assertThat(digest.body()).contains(
                "- G22.36.21-261130-0001 — trình ngày 01/12/2026 — chuyên viên: specialist1 — hạn 10/12/2026",
                "- G22.36.21-261202-0007 — trình ngày 03/12/2026 — chuyên viên: — — hạn —");
    }

    @Test
    void anOfficersDigestOfDossiersHeldByTheDepartedNamesEachHolderAndWhereToHandThemOver() {
        WatchedDossier held = new WatchedDossier("G22.36.21-261130-0001", "G22.36.21", "nguyenvana", null,
                LocalDate.parse("2026-12-10"), null, null);
        WatchedDossier undated = new WatchedDossier("G22.36.21-261201-0002", "G22.36.21", "nguyenvana", null, null, null, null);

        Message digest = messages.heldByDeparted(LocalDate.parse("2026-12-07"), "G22.36.21", List.of(held, undated));

        assertThat(digest.title())
                .isEqualTo("Nhắc việc ngày 07/12/2026: 2 hồ sơ do người không còn là chuyên viên của cơ quan nắm giữ");
        assertThat(digest.body()).contains("- G22.36.21-261130-0001 — người giữ: nguyenvana — hạn 10/12/2026",
                "- G22.36.21-261201-0002 — người giữ: nguyenvana — hạn —",
                "POST /api/v1/agencies/G22.36.21/specialists/<người giữ>/hand-over");
    }

    @Test
    void anOfficersDigestOfEnvelopesNamesEachItemItsSenderAndTheDayItArrivedInVietnamAndHowToRegisterIt() {
        // 18:30 UTC on 3 December is 01:30 on 4 December in Hà Nội.
        ArrivedEnvelope late = new ArrivedEnvelope("RR100000017VN", "G22.36.21", "2.000009", "Trần Thị Bình",
                Instant.parse("2026-12-03T18:30:00Z"), null, null, null);
        ArrivedEnvelope anonymous = new ArrivedEnvelope("RR100000025VN", "G22.36.21", "1.001612", null,
                Instant.parse("2026-12-04T03:00:00Z"), null, null, null);

        Message digest = messages.unregisteredEnvelopes(LocalDate.parse("2026-12-07"), "G22.36.21", List.of(late, anonymous));

        assertThat(digest.title()).isEqualTo("Nhắc việc ngày 07/12/2026: 2 hồ sơ giấy gửi qua bưu chính chưa được tiếp nhận");
        assertThat(digest.body()).contains("- RR100000017VN — thủ tục 2.000009 — người gửi: Trần Thị Bình — đến ngày 04/12/2026",
                "- RR100000025VN — thủ tục 1.001612 — người gửi: — — đến ngày 04/12/2026",
                "GET /api/v1/agencies/G22.36.21/postal-arrivals", "trackingNumber=<số hiệu>");
    }

    @Test
    void officersAskedAboutOriginalsReadWhereTheyAreAndTheTwoWaysToGiveThemBack() {
        Message atAgency = messages.originalsAwaitingDecision(new OriginalsAwaitingDecision("ORI-G22.36.21-261130-0001",
                "G22.36.21-261130-0001", "G22.36.21", "1.001612", "001090000001", true, Instant.parse("2026-12-07T03:00:00Z")));
        Message onTheirWay = messages.originalsAwaitingDecision(new OriginalsAwaitingDecision("ORI-G22.36.21-261130-0002",
                "G22.36.21-261130-0002", "G22.36.21", "1.001612", "001090000001", false, Instant.parse("2026-12-07T03:00:00Z")));

        assertThat(atAgency.title()).isEqualTo(
                "Hồ sơ G22.36.21-261130-0001: bản chính công dân gửi qua bưu điện chưa có hướng trả lại hay lưu giữ");
        assertThat(atAgency.body()).contains("thủ tục 1.001612", "đang ở cơ quan (bưu gửi ORI-G22.36.21-261130-0001)",
                "POST /api/v1/shipments/ORI-G22.36.21-261130-0001/originals-return",
                "POST /api/v1/shipments/ORI-G22.36.21-261130-0001/hand-delivery").doesNotContain("{", "}");
        assertThat(onTheirWay.body()).contains("đang được bưu điện chuyển đến cơ quan");
    }
}
