package vn.motcua.dossier.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** A catalog stored by an earlier version still reads after an upgrade (found by ./motcua demo on kept data). */
class StoredFeeTest {
    private final MappingMongoConverter converter = converter();

    private static MappingMongoConverter converter() {
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, new MongoMappingContext());
        converter.afterPropertiesSet();
        return converter;
    }

    @Test
    void aFeeStoredBeforeRefundableExistedReadsAsNotRefundable() {
        Procedure.Fee fee = converter.read(Procedure.Fee.class, new Document("kind", "LE_PHI").append("amount", 8000L)
                .append("per", "COPY"));
        assertThat(fee.refundable()).isFalse();
        assertThat(fee.amount()).isEqualTo(8000);
        assertThat(fee.reducedFor()).isEmpty();
    }

    @Test
    void aRefundableFeeStaysRefundable() {
        Procedure.Fee fee = converter.read(Procedure.Fee.class, new Document("kind", "PHI").append("amount", 50000L)
                .append("per", "DOSSIER").append("refundable", true));
        assertThat(fee.refundable()).isTrue();
    }
}
