package vn.motcua.postal.shipments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AttemptRulesTest {
    private static final String SOURCE = "Điều kiện dịch vụ (thử nghiệm)";

    private static AttemptRules.Rule rule(String id, String operator, int deliveries, int collections, String from, String until) {
        return new AttemptRules.Rule(id, operator, deliveries, collections, LocalDate.parse(from), until == null ? null : LocalDate.parse(until),
                SOURCE);
    }

    @Test
    void theShippedRulesGiveEveryOperatorThreeDeliveriesAndThreeCollectionsWithTheirSource() {
        AttemptRules shipped = new AttemptRules(JsonMapper.builder().build());

        assertThat(shipped.at("postal-vnpost", Instant.parse("2026-12-07T03:00:00Z")))
                .isEqualTo(new AttemptLimits(3, 3, "BCCI-ATTEMPTS-2020"));
        assertThat(shipped.at("postal-viettel", Instant.parse("2026-12-07T03:00:00Z"))).isEqualTo(new AttemptLimits(3, 3, "BCCI-ATTEMPTS-2020"));
    }

    @Test
    void anOperatorsOwnRuleWinsInItsWindowAndThePlatformsHoldsOtherwiseCountedOnTheVietnameseDay() {
        AttemptRules rules = new AttemptRules(List.of(rule("PLATFORM", null, 3, 3, "2020-01-01", null),
                rule("VIETTEL-2027", "postal-viettel", 2, 1, "2027-01-01", "2027-12-31")));

        assertThat(rules.at("postal-viettel", Instant.parse("2026-12-31T16:59:59Z")).ruleId())
                .as("23:59:59 on 31/12/2026 in Hà Nội").isEqualTo("PLATFORM");
        assertThat(rules.at("postal-viettel", Instant.parse("2026-12-31T17:00:00Z"))).as("00:00 on 1/1/2027 in Hà Nội")
                .isEqualTo(new AttemptLimits(2, 1, "VIETTEL-2027"));
        assertThat(rules.at("postal-vnpost", Instant.parse("2027-06-01T00:00:00Z")).ruleId()).isEqualTo("PLATFORM");
        assertThat(rules.at("postal-viettel", Instant.parse("2028-01-01T00:00:00Z")).ruleId()).isEqualTo("PLATFORM");
        assertThat(rules.at("postal-vnpost", Instant.parse("2019-05-01T00:00:00Z")).ruleId())
                .as("an attempt dated before every rule takes the first").isEqualTo("PLATFORM");
    }

    @Test
    void rulesThatLeaveAnAttemptWithoutOneOrWithTwoDoNotStartTheService() {
        assertThatThrownBy(() -> new AttemptRules(List.of(rule("A", null, 3, 3, "2020-01-01", "2025-06-30"),
                rule("B", null, 3, 3, "2025-08-01", null)))).hasMessageContaining("no platform rule between A and B");
        assertThatThrownBy(() -> new AttemptRules(List.of(rule("A", null, 3, 3, "2020-01-01", null),
                rule("B", null, 2, 2, "2025-07-01", null)))).hasMessageContaining("A and B are both in force on 2025-07-01");
        assertThatThrownBy(() -> new AttemptRules(List.of(rule("A", null, 3, 3, "2020-01-01", "2025-06-30"))))
                .hasMessageContaining("open at its end");
        assertThatThrownBy(() -> new AttemptRules(List.of(rule("V", "postal-vnpost", 3, 3, "2020-01-01", null))))
                .as("an operator's own rule does not stand in for the platform's").hasMessageContaining("open at its end");
        assertThatThrownBy(() -> new AttemptRules(List.of(rule("A", null, 0, 3, "2020-01-01", null))))
                .hasMessageContaining("tries at least once");
        assertThatThrownBy(() -> new AttemptRules(List.of(rule("A", null, 3, 3, "2020-01-01", "2019-01-01"),
                rule("B", null, 3, 3, "2020-01-02", null)))).hasMessageContaining("window ends before it starts");
        assertThatThrownBy(() -> new AttemptRules(List.of(new AttemptRules.Rule("A", null, 3, 3, LocalDate.parse("2020-01-01"), null, " "))))
                .hasMessageContaining("source are required");
    }
}
