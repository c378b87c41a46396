package vn.motcua.dossier.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.events.dossier.FeeBasis;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.payment.FeeStage;
import vn.motcua.kit.problem.ApiProblem;

class ProcedurePricingTest {

    private static Procedure withFees(Procedure.Fee... fees) {
        return new Procedure("9.000001", 4, "Thủ tục mẫu", "Mẫu", "COMMUNE", 4, 5, List.of(fees), FeeStage.INTAKE, true,
                true, false, false, false, List.of(), null, null, null);
    }

    @Test
    void eachFeeIsPricedByItsBasisAtItsStageUnderTheCatalogVersion() {
        Procedure procedure = withFees(new Procedure.Fee("LE_PHI", 100_000, "DOSSIER"),
                new Procedure.Fee("PHI", 8_000, "COPY"),
                new Procedure.Fee("PHI", 2_000, "PAGE", null, FeeStage.RESULT, true, null, null, null));

        assertThat(procedure.price(false, 3, 12, null)).containsExactly(
                new PricedFeeLine(FeeStage.INTAKE, "LE_PHI", FeeBasis.DOSSIER, 1, 100_000, 100_000, null, 100_000, false, 4),
                new PricedFeeLine(FeeStage.INTAKE, "PHI", FeeBasis.COPY, 3, 8_000, 8_000, null, 24_000, false, 4),
                new PricedFeeLine(FeeStage.RESULT, "PHI", FeeBasis.PAGE, 12, 2_000, 2_000, null, 24_000, true, 4));
    }

    @Test
    void theOnlinePriceAndTheApplicantsCategoryLowerThePriceAndTheLowestApplies() {
        Procedure residence = withFees(new Procedure.Fee("LE_PHI", 20_000, "DOSSIER", 10_000L, null, false,
                Map.of("HO_NGHEO", 0L, "SINH_VIEN", 15_000L), null, null));

        assertThat(residence.price(true, 1, null, null).getFirst()).satisfies(line -> {
            assertThat(line.appliedUnitPrice()).isEqualTo(10_000);
            assertThat(line.reduction()).isEqualTo("ONLINE");
        });
        assertThat(residence.price(false, 1, null, null).getFirst().amount()).as("at the counter").isEqualTo(20_000);
        assertThat(residence.price(true, 1, null, "SINH_VIEN").getFirst().reduction())
                .as("online is cheaper than the student price").isEqualTo("ONLINE");
        assertThat(residence.price(true, 1, null, "HO_NGHEO").getFirst()).satisfies(line -> {
            assertThat(line.amount()).as("exempt").isZero();
            assertThat(line.reduction()).isEqualTo("HO_NGHEO");
        });
    }

    @Test
    void aCapLimitsALineAndMissingQuantitiesOrUnknownCategoriesAreRefused() {
        Procedure certification = withFees(new Procedure.Fee("PHI", 2_000, "PAGE", null, null, false, null, 200_000L, null));

        assertThat(certification.price(false, 1, 500, null).getFirst().amount()).isEqualTo(200_000);
        assertThatThrownBy(() -> certification.price(false, 1, null, null))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.toProblemDetail().getType().toString())
                        .endsWith(":pages-required"));
        assertThatThrownBy(() -> certification.price(false, 1, 3, "SINH_VIEN"))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.toProblemDetail().getType().toString())
                        .endsWith(":reduction-not-applicable"));
        assertThat(withFees().price(true, 1, null, null)).isEmpty();
    }
}
