package vn.motcua.events.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.events.payment.FeeStage;

class DossierSubmittedV1Test {

    @Test
    void aVersion1SubmissionRaisedToVersion2KeepsEveryFactInTheSnapshot() {
        Applicant applicant = new Applicant("Nguyễn Văn An", "001090000001", "0912345678", "an@example.com", "Hà Nội");
        Instant at = Instant.parse("2026-11-24T02:00:00Z");
        DossierSubmittedV1 v1 = new DossierSubmittedV1("000.10.20.H29-261124-0001", "2.000018", "Cấp giấy phép",
                "000.10.20.H29", "001090000001", applicant, 2, 1, FeeStage.INTAKE, List.of(new FeeLine("PHI", 1_200_000)),
                ResultDelivery.POST, at);

        DossierSubmitted v2 = v1.upcast();

        assertThat(v2.dossier()).isEqualTo(new DossierSnapshot("000.10.20.H29-261124-0001", "2.000018", "000.10.20.H29",
                "001090000001", 2, ResultDelivery.POST, 1));
        assertThat(v2.dossier().submittedVia()).isEqualTo(Channel.ONLINE);
        assertThat(v2.procedureName()).isEqualTo("Cấp giấy phép");
        assertThat(v2.applicant()).isEqualTo(applicant);
        assertThat(v2.feeTiming()).isEqualTo(FeeStage.INTAKE);
        assertThat(v2.totalDue()).isEqualTo(1_200_000);
        assertThat(v2.submittedAt()).isEqualTo(at);
        assertThat(v2.subject()).isEqualTo(v1.subject());
    }
}
