package vn.motcua.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JourneyDeckTest {
    /** The peak hour's shares. */
    private static final Map<String, Integer> SHARES = Map.ofEntries(Map.entry("catalog", 31), Map.entry("submit", 15),
            Map.entry("inbox", 12), Map.entry("dossiers", 8), Map.entry("queue", 8), Map.entry("upload", 5),
            Map.entry("receive", 5), Map.entry("booking", 5), Map.entry("pay", 4), Map.entry("counter", 4), Map.entry("pick-up", 3));

    @Test
    void everyHundredArrivalsCarryEachJourneysShareExactly() {
        JourneyDeck deck = new JourneyDeck(SHARES, 7);

        for (int hundred = 0; hundred < 15; hundred++) {
            Map<String, Long> dealt = deal(deck, 100).stream().collect(Collectors.groupingBy(journey -> journey, Collectors.counting()));
            SHARES.forEach((journey, share) -> assertThat(dealt.get(journey)).as(journey).isEqualTo(share.longValue()));
        }
    }

    @Test
    void theSameSeedDealsTheSameOrderAndAnotherSeedAnother() {
        List<String> first = deal(new JourneyDeck(SHARES, 2026), 1_500);

        assertThat(deal(new JourneyDeck(SHARES, 2026), 1_500)).isEqualTo(first);
        assertThat(deal(new JourneyDeck(SHARES, 2027), 1_500)).isNotEqualTo(first);
    }

    @Test
    void sharesThatDoNotMakeAHundredAreRefused() {
        assertThatThrownBy(() -> new JourneyDeck(Map.of("catalog", 31, "submit", 15), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("46");
    }

    private static List<String> deal(JourneyDeck deck, int arrivals) {
        List<String> journeys = new ArrayList<>();
        for (int i = 0; i < arrivals; i++) {
            journeys.add((String) deck.next().get(JourneyDeck.KEY));
        }
        return journeys;
    }
}
