package vn.motcua.dossier.channels;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;

/**
 * The channel policies ops publish, and the rule in force for an agency on a day: its own
 * policy, else its province's, else the decree's default (the applicant chooses). Policies of
 * one scope never overlap in time, so at most one of each applies.
 */
@Component
public class ChannelPolicies {
    private static final Duration SCOPE_LEASE = Duration.ofSeconds(10);
    private static final Duration SCOPE_WAIT = Duration.ofSeconds(3);
    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Catalog catalog;
    private final Clock clock;
    private final ZoneId zone;

    ChannelPolicies(MongoTemplate mongo, AggregateStore store, Catalog catalog, Clock clock,
            @Value("${motcua.dossier.time-zone}") ZoneId zone) {
        this.mongo = mongo;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The rule for an agency on a day.
     *
     * @param policy the policy that sets it, empty when the decree's default applies
     */
    public record InForce(ChannelRule rule, Optional<ChannelPolicy> policy) {
    }

    public InForce inForce(Agency agency, LocalDate day) {
        String province = provinceOf(agency.code());
        List<ChannelPolicy> applicable = mongo.find(new Query(new Criteria().orOperator(
                where("agencyCode").is(agency.code()), where("provinceCode").is(province))), ChannelPolicy.class)
                .stream().filter(policy -> policy.terms().inForceOn(day)).toList();
        Optional<ChannelPolicy> chosen = applicable.stream().filter(policy -> policy.agencyCode() != null).findFirst()
                .or(() -> applicable.stream().findFirst());
        return new InForce(chosen.map(policy -> policy.terms().rule()).orElse(ChannelRule.APPLICANT_CHOOSES), chosen);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public List<ChannelPolicy> all() {
        return mongo.find(new Query().with(Sort.by("terms.validFrom", "_id")), ChannelPolicy.class);
    }

    public Optional<ChannelPolicy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ChannelPolicy.class));
    }

    /** A new policy for one agency or one province. */
    public ChannelPolicy publish(String provinceCode, String agencyCode, ChannelPolicy.Terms terms, String by) {
        requireScope(provinceCode, agencyCode);
        requireSane(terms);
        String id = UUID.randomUUID().toString();
        return whileScopeHeld(provinceCode, agencyCode, () -> {
            requireNoOverlap(provinceCode, agencyCode, terms, null);
            store.insert(ChannelPolicy.publish(id, provinceCode, agencyCode, terms, by, clock.instant()));
            return find(id).orElseThrow();
        });
    }

    /**
     * The overlap check reads every policy of the scope and the write stores one document: two
     * publishes at once both passed the check (three overlapping policies from ten requests). Under
     * a lease on the scope, one publish or amendment of a scope checks and writes at a time, on any
     * instance; a holder that died lets go when the lease expires.
     */
    private <T> T whileScopeHeld(String provinceCode, String agencyCode, Supplier<T> change) {
        String scope = "channel-policies:" + (provinceCode != null ? "province:" + provinceCode : "agency:" + agencyCode);
        return new ClusterLease(mongo, clock).whileHeld(scope, SCOPE_LEASE, SCOPE_WAIT, change, () -> ApiProblem.conflict(
                "channel-policy-being-changed", "Another change to the channel policies of this scope is under way; send yours"
                        + " again in a moment").withHeader(HttpHeaders.RETRY_AFTER, "1"));
    }

    /** A new version of a policy: its scope stays, its terms change (e.g. the emergency ends). */
    public ChannelPolicy amend(String id, ChannelPolicy.Terms terms, long expectedVersion, String by) {
        ChannelPolicy policy = find(id).orElseThrow(() -> ApiProblem.notFound("Channel policy", id));
        if (policy.policyVersion() != expectedVersion) {
            throw stale(policy);
        }
        requireSane(terms);
        return whileScopeHeld(policy.provinceCode(), policy.agencyCode(), () -> {
            requireNoOverlap(policy.provinceCode(), policy.agencyCode(), terms, id);
            try {
                store.update(policy, policy.amend(terms, by, clock.instant()));
            } catch (OptimisticLockingFailureException e) {
                throw stale(find(id).orElseThrow());
            }
            return policy;
        });
    }

    private static ApiProblem stale(ChannelPolicy policy) {
        return IfMatch.stale("stale-channel-policy", "Channel policy " + policy.id() + " is at version "
                + policy.policyVersion() + "; read it again and reapply your change", policy.policyVersion());
    }

    private void requireScope(String provinceCode, String agencyCode) {
        if ((provinceCode == null) == (agencyCode == null)) {
            throw ApiProblem.unprocessable("channel-policy-scope",
                    "A channel policy covers either one agency (agencyCode) or one province (provinceCode), not both or none");
        }
        if (agencyCode != null) {
            catalog.knownAgency(agencyCode);
        }
        if (provinceCode != null && catalog.agencies().stream().noneMatch(a -> provinceOf(a.code()).equals(provinceCode))) {
            throw ApiProblem.unprocessable("unknown-province", "No agency of the catalog is in province " + provinceCode)
                    .with("provinceCode", provinceCode);
        }
    }

    private void requireSane(ChannelPolicy.Terms terms) {
        if (terms.validUntil() != null && terms.validUntil().isBefore(terms.validFrom())) {
            throw ApiProblem.unprocessable("channel-policy-ends-before-it-starts", "validUntil " + terms.validUntil()
                    + " is before validFrom " + terms.validFrom());
        }
        terms.source().requireIssuedBy(today());
    }

    private void requireNoOverlap(String provinceCode, String agencyCode, ChannelPolicy.Terms terms, String except) {
        mongo.find(new Query(provinceCode != null ? where("provinceCode").is(provinceCode)
                        : where("agencyCode").is(agencyCode)), ChannelPolicy.class).stream()
                .filter(other -> !other.id().equals(except))
                .filter(other -> other.terms().overlaps(terms))
                .min(Comparator.comparing(other -> other.terms().validFrom()))
                .ifPresent(other -> {
                    throw ApiProblem.conflict("channel-policy-overlaps", "Policy " + other.id() + " already covers "
                            + (agencyCode != null ? agencyCode : provinceCode) + " from " + other.terms().validFrom()
                            + (other.terms().validUntil() == null ? "" : " to " + other.terms().validUntil())
                            + "; end or amend it first").with("overlappingPolicy", other.id());
                });
    }

    /** The province part of an agency code (QCVN 102:2016): "000.10.20.H29" is in H29. */
    static String provinceOf(String agencyCode) {
        return agencyCode.substring(agencyCode.lastIndexOf('.') + 1);
    }
}
