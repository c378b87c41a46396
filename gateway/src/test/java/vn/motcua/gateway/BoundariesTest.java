package vn.motcua.gateway;

import org.junit.jupiter.api.Test;
import vn.motcua.testinfra.ServiceBoundaries;

class BoundariesTest {

    @Test
    void featuresKeepTheirInternalsAndEachSaysWhatItIs() {
        ServiceBoundaries.check("vn.motcua.gateway");
    }
}
