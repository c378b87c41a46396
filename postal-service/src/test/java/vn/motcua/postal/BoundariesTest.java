package vn.motcua.postal;

import org.junit.jupiter.api.Test;
import vn.motcua.testinfra.ServiceBoundaries;

class BoundariesTest {

    @Test
    void featuresKeepTheirInternalsAndTheAggregatesStandApart() {
        ServiceBoundaries.check("vn.motcua.postal");
    }
}
