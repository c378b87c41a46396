package vn.motcua.dossier.channels;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.motcua.dossier.notices.Notice;
import vn.motcua.events.Event;
import vn.motcua.events.catalog.ChannelPolicyPublished;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.kit.outbox.Aggregate;
import vn.motcua.kit.outbox.Changed;

/**
 * A channel rule for one agency or one province over a period, as an official notice sets it.
 * A new version amends it (typically: the emergency ends, so it gets an end date); each version
 * is announced.
 */
@Document(ChannelPolicy.COLLECTION)
public class ChannelPolicy extends Aggregate {
    public static final String COLLECTION = "channelPolicies";

    @Id
    private final String id;
    private final String provinceCode;
    private final String agencyCode;
    private Terms terms;
    private int policyVersion;
    private String publishedBy;
    private Instant publishedAt;

    /** What a version of the policy says. */
    public record Terms(ChannelRule rule, LocalDate validFrom, LocalDate validUntil, Notice source) {
        boolean inForceOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
        }

        boolean overlaps(Terms other) {
            boolean endsBefore = validUntil != null && validUntil.isBefore(other.validFrom);
            boolean startsAfter = other.validUntil != null && validFrom.isAfter(other.validUntil);
            return !endsBefore && !startsAfter;
        }
    }

    @PersistenceCreator
    ChannelPolicy(String id, String provinceCode, String agencyCode, Terms terms, int policyVersion, String publishedBy,
            Instant publishedAt) {
        this.id = id;
        this.provinceCode = provinceCode;
        this.agencyCode = agencyCode;
        this.terms = terms;
        this.policyVersion = policyVersion;
        this.publishedBy = publishedBy;
        this.publishedAt = publishedAt;
    }

    static Changed<ChannelPolicy> publish(String id, String provinceCode, String agencyCode, Terms terms, String by,
            Instant now) {
        ChannelPolicy policy = new ChannelPolicy(id, provinceCode, agencyCode, terms, 1, by, now);
        return Changed.of(policy, policy.announce());
    }

    List<Event> amend(Terms amended, String by, Instant now) {
        terms = amended;
        policyVersion++;
        publishedBy = by;
        publishedAt = now;
        return List.of(announce());
    }

    private ChannelPolicyPublished announce() {
        return new ChannelPolicyPublished(id, policyVersion, provinceCode, agencyCode, terms.rule(), terms.validFrom(),
                terms.validUntil(), terms.source().document(), terms.source().date(), publishedAt);
    }

    @Override
    public String id() {
        return id;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public Terms terms() {
        return terms;
    }

    public int policyVersion() {
        return policyVersion;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public Instant publishedAt() {
        return publishedAt;
    }
}
