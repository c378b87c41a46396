package vn.motcua.kit.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest service that uses the kit, for the kit's own integration tests. */
@SpringBootApplication
public class KitTestApplication {
}
