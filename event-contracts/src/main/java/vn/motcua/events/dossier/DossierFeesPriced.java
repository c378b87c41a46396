package vn.motcua.events.dossier;

import java.time.Instant;
import java.util.List;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * The dossier service priced fee lines of a dossier: at submission, every stage's lines from the
 * catalog version it was accepted under; at a financial obligation (status 6), the amount the
 * specialist set. The payment service opens its orders from these lines, never from a catalog of
 * its own.
 */
@EventContract(type = "DossierFeesPriced", version = 1, topic = Topics.DOSSIER)
public record DossierFeesPriced(
        DossierSnapshot dossier,
        List<PricedFeeLine> lines,
        Instant pricedAt) implements Event {

    public DossierFeesPriced {
        lines = List.copyOf(lines);
    }

    @Override
    public String subject() {
        return dossier.dossierCode();
    }
}
