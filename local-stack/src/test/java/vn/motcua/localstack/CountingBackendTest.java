package vn.motcua.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CountingBackendTest {
    @Test
    void aCollectionsTimeIsEveryCommandShapeOnItBetweenTheTwoLooks() {
        Map<String, CountingBackend.Usage> before = Map.of(
                "motcua-notification update notifications [_id, version]", new CountingBackend.Usage(10, 5_000_000),
                "motcua-notification find notifications [_id]", new CountingBackend.Usage(4, 1_000_000));
        Map<String, CountingBackend.Usage> after = Map.of(
                "motcua-notification update notifications [_id, version]", new CountingBackend.Usage(30, 25_000_000),
                "motcua-notification find notifications [_id]", new CountingBackend.Usage(9, 3_000_000),
                "motcua-notification insert notifications ", new CountingBackend.Usage(7, 7_000_000),
                "motcua-notification find recipients [_id]", new CountingBackend.Usage(3, 600_000),
                "motcua-dossier", new CountingBackend.Usage(1, 100_000));

        assertThat(CountingBackend.byCollection(before, after)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "motcua-notification notifications", new CountingBackend.Usage(32, 29_000_000),
                "motcua-notification recipients", new CountingBackend.Usage(3, 600_000),
                "motcua-dossier", new CountingBackend.Usage(1, 100_000)));
    }
}
