package vn.motcua.notification.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ZnsParametersTest {
    private static final Map<String, Integer> LENGTHS = Map.of("default", 12, "dossier_code", 30);

    @Test
    void aValueLongerThanItsParameterTakesIsCutWithAnEllipsisAndTheOthersGoAsTheyAre() {
        Map<String, String> fitted = ZnsParameters.fitted(Map.of("dossier_code", "000.10.20.30.H29-261204-0001",
                "reason", "Thiếu bản sao giấy đăng ký kinh doanh", "date", "07/12/2026"), LENGTHS);

        assertThat(fitted).containsExactlyInAnyOrderEntriesOf(Map.of("dossier_code", "000.10.20.30.H29-261204-0001",
                "reason", "Thiếu bản s…", "date", "07/12/2026"));
    }

    @Test
    void aCutNeitherSplitsAPairNorEndsInASpace() {
        assertThat(ZnsParameters.fit("ab 😀😀😀😀", 5)).isEqualTo("ab 😀…");
        assertThat(ZnsParameters.fit("Hồ sơ số một", 7)).isEqualTo("Hồ sơ…");
    }

    @Test
    void withoutALengthForANameAndNoDefaultTheValueIsSentWhole() {
        assertThat(ZnsParameters.fitted(Map.of("reason", "x".repeat(500)), Map.of())).containsEntry("reason", "x".repeat(500));
    }
}
