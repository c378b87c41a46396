package vn.motcua.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The peak hour's journeys dealt like cards, one to each arrival: a deck of 100 holds each journey
 * as many times as its share, and is shuffled again from one seed each time it runs out. Every run
 * draws the same mix in the same order, and every 100 arrivals carry the shares exactly; a random
 * draw gave one run 44 fee payments and the next 70, so two runs of the same build compared only
 * roughly.
 */
final class JourneyDeck implements Iterator<Map<String, Object>> {
    static final String KEY = "journey";
    private static final int CARDS = 100;

    private final List<String> cards = new ArrayList<>();
    private final Random shuffling;
    private int dealt;

    /** @param shares each journey's share of a hundred arrivals, summing to 100 */
    JourneyDeck(Map<String, Integer> shares, long seed) {
        shares.forEach((journey, share) -> cards.addAll(Collections.nCopies(share, journey)));
        if (cards.size() != CARDS) {
            throw new IllegalArgumentException("The journeys' shares sum to " + cards.size() + ", not " + CARDS);
        }
        shuffling = new Random(seed);
        Collections.shuffle(cards, shuffling);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    // Arrivals draw from many threads.
    @Override
    public synchronized Map<String, Object> next() {
        if (dealt == CARDS) {
            Collections.shuffle(cards, shuffling);
            dealt = 0;
        }
        return Map.of(KEY, cards.get(dealt++));
    }
}
