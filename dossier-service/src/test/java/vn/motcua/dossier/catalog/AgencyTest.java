package vn.motcua.dossier.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Who holds a dissolved agency's dossiers: its successor, followed through merges made in turn. */
class AgencyTest {
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);
    private static final LocalDate SECOND_MERGE = LocalDate.of(2027, 1, 1);

    private static final Agency DISTRICT = dissolved("000.30.20.H29", "UBND huyện Đông Anh", REFORM, "000.30.20.01.H29");
    private static final Agency MERGED_COMMUNE = new Agency("000.30.20.01.H29", "UBND xã Đông Anh", "COMMUNE", null, REFORM,
            SECOND_MERGE.minusDays(1), "000.30.20.40.H29");
    private static final Agency COMMUNE_TODAY = new Agency("000.30.20.40.H29", "UBND xã Đông Anh mới", "COMMUNE", null,
            SECOND_MERGE, null, null);

    private static Agency dissolved(String code, String name, LocalDate from, String successorCode) {
        return new Agency(code, name, "DISTRICT", null, null, from.minusDays(1), successorCode);
    }

    private static Map<String, Agency> byCode(Agency... agencies) {
        return Stream.of(agencies).collect(Collectors.toMap(Agency::code, a -> a));
    }

    private static Function<String, Optional<Agency>> data(Agency... agencies) {
        Map<String, Agency> byCode = byCode(agencies);
        return code -> Optional.ofNullable(byCode.get(code));
    }

    private static final Function<String, Optional<Agency>> LINE = data(DISTRICT, MERGED_COMMUNE, COMMUNE_TODAY);

    @Test
    void anAgencyInOfficeHoldsItsOwnDossiers() {
        assertThat(MERGED_COMMUNE.holderOn(REFORM, LINE)).contains(MERGED_COMMUNE);
        assertThat(DISTRICT.holderOn(REFORM.minusDays(1), LINE)).as("on its last day").contains(DISTRICT);
    }

    @Test
    void aDissolvedAgencysDossiersAreHeldByItsSuccessorWhileThatOneIsInOffice() {
        assertThat(DISTRICT.holderOn(SECOND_MERGE.minusDays(1), LINE)).contains(MERGED_COMMUNE);
    }

    @Test
    void aSuccessorDissolvedInTurnPassesThemOn() {
        assertThat(DISTRICT.holderOn(SECOND_MERGE, LINE)).contains(COMMUNE_TODAY);
        assertThat(MERGED_COMMUNE.holderOn(SECOND_MERGE, LINE)).contains(COMMUNE_TODAY);
    }

    @Test
    void aSuccessorNotYetOpenedIsStillTheOneThatTakesOver() {
        Agency opensLater = new Agency("000.30.20.40.H29", "UBND xã Đông Anh mới", "COMMUNE", null, SECOND_MERGE.plusDays(3),
                null, null);
        assertThat(MERGED_COMMUNE.holderOn(SECOND_MERGE, data(MERGED_COMMUNE, opensLater))).contains(opensLater);
    }

    @Test
    void agencyDataNamingAnUnknownSuccessorOrLoopingIsRefusedWhenLoaded() {
        Agency loopA = dissolved("000.50.01.H29", "A", REFORM, "000.50.02.H29");
        Agency loopB = dissolved("000.50.02.H29", "B", REFORM, "000.50.01.H29");
        Agency toUnknown = dissolved("000.10.20.H29", "UBND huyện Thường Tín", REFORM, "000.99.99.H29");

        assertThatThrownBy(() -> Agency.checkSuccessions(byCode(loopA, loopB))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loop back");
        assertThatThrownBy(() -> Agency.checkSuccessions(byCode(toUnknown))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("000.99.99.H29");
        assertThatCode(() -> Agency.checkSuccessions(byCode(DISTRICT, MERGED_COMMUNE, COMMUNE_TODAY))).doesNotThrowAnyException();
    }

    @Test
    void aBrokenLineNamesNobody() {
        Agency noSuccessor = dissolved("000.10.20.H29", "UBND huyện Thường Tín", REFORM, null);
        Agency toUnknown = dissolved("000.10.20.H29", "UBND huyện Thường Tín", REFORM, "000.99.99.H29");
        Agency loopA = dissolved("000.50.01.H29", "A", REFORM, "000.50.02.H29");
        Agency loopB = dissolved("000.50.02.H29", "B", REFORM, "000.50.01.H29");

        assertThat(noSuccessor.holderOn(REFORM, data(noSuccessor))).isEmpty();
        assertThat(toUnknown.holderOn(REFORM, data(toUnknown))).isEmpty();
        assertThat(loopA.holderOn(REFORM, data(loopA, loopB))).as("a loop in the data ends").isEmpty();
        assertThat(DISTRICT.holderOn(SECOND_MERGE, data(DISTRICT, MERGED_COMMUNE)))
                .as("the second successor missing from the data").isEmpty();
    }
}
