package vn.motcua.kit.testapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A document that declares its index on the class, as the services' documents do. */
@Document("kit_test_receipts")
public record KitTestReceipt(@Id String id, @Indexed(unique = true) String number) {
}
