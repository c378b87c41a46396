package vn.motcua.notification;

import org.junit.jupiter.api.Test;
import vn.motcua.testinfra.ServiceBoundaries;

class BoundariesTest {

    @Test
    void featuresKeepTheirInternalsAndTheAggregatesStandApart() {
        ServiceBoundaries.check("vn.motcua.notification");
    }
}
