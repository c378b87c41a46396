package vn.motcua.appointment.reference;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import vn.motcua.events.catalog.ChannelPolicyPublished;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.NewerVersions;
import vn.motcua.kit.messaging.RecentReads;
import vn.motcua.kit.messaging.Subscriptions;

/**
 * The channel policies the dossier service publishes, kept to decide bookings by the same rule:
 * on a day, an agency's own policy beats its province's, the later start wins among those, and
 * without any the applicant chooses.
 */
@Component
public class ChannelPolicies implements EventSubscriber {
    static final String COLLECTION = "channel_policies";

    private final MongoTemplate mongo;
    /** By agency: its own policies and its province's. */
    private final RecentReads<String, List<Policy>> candidates;

    public record Policy(@Id String policyId, int policyVersion, String provinceCode, String agencyCode, ChannelRule rule,
            LocalDate validFrom, LocalDate validUntil, String sourceDocument) {

        boolean coversDay(LocalDate day) {
            return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
        }
    }

    /** The rule in force and the policy it comes from (null when none applies). */
    public record InForce(ChannelRule rule, Policy policy) {
    }

    ChannelPolicies(MongoTemplate mongo, @Value("${motcua.appointment.reference-fresh-for}") Duration freshFor) {
        this.mongo = mongo;
        this.candidates = new RecentReads<>(freshFor);
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(ChannelPolicyPublished.class, this::published);
    }

    void published(IncomingEvent<ChannelPolicyPublished> event) {
        ChannelPolicyPublished p = event.data();
        Update replace = new Update().set("provinceCode", p.provinceCode())
                .set("agencyCode", p.agencyCode()).set("rule", p.rule()).set("validFrom", p.validFrom())
                .set("validUntil", p.validUntil()).set("sourceDocument", p.sourceDocument());
        NewerVersions.replaceIfNewer(mongo, COLLECTION, p.policyId(), "policyVersion", p.policyVersion(), replace);
        candidates.forgetAll();
    }

    public InForce inForce(String agencyCode, LocalDate day) {
        List<Policy> applicable = candidates.get(agencyCode, this::candidatesOf).orElseThrow();
        Policy chosen = latestCovering(applicable.stream().filter(p -> agencyCode.equals(p.agencyCode())).toList(), day);
        if (chosen == null) {
            chosen = latestCovering(applicable.stream().filter(p -> p.agencyCode() == null).toList(), day);
        }
        return chosen == null ? new InForce(ChannelRule.APPLICANT_CHOOSES, null) : new InForce(chosen.rule(), chosen);
    }

    private Optional<List<Policy>> candidatesOf(String agencyCode) {
        String province = agencyCode.substring(agencyCode.lastIndexOf('.') + 1);
        return Optional.of(mongo.find(new Query(new Criteria().orOperator(where("agencyCode").is(agencyCode),
                where("provinceCode").is(province).and("agencyCode").is(null))), Policy.class, COLLECTION));
    }

    private static Policy latestCovering(List<Policy> policies, LocalDate day) {
        return policies.stream().filter(p -> p.coversDay(day)).max(Comparator.comparing(Policy::validFrom)).orElse(null);
    }
}
