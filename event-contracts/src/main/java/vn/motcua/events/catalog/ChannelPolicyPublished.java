package vn.motcua.events.catalog;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.events.Event;
import vn.motcua.events.EventContract;
import vn.motcua.events.Topics;

/**
 * Ops published a channel policy or a new version of it (e.g. its end date). A policy applies to
 * one agency or to a whole province, from {@code validFrom} to {@code validUntil} inclusive (open
 * when null); an agency's policy wins over its province's, and without any the applicant chooses.
 *
 * @param provinceCode the province the policy covers (e.g. "H29"), or null for an agency's own policy
 * @param agencyCode the agency the policy covers, or null for a province-wide policy
 */
@EventContract(type = "ChannelPolicyPublished", version = 1, topic = Topics.DOSSIER)
public record ChannelPolicyPublished(
        String policyId,
        int policyVersion,
        String provinceCode,
        String agencyCode,
        ChannelRule rule,
        LocalDate validFrom,
        LocalDate validUntil,
        String sourceDocument,
        LocalDate sourceDate,
        Instant publishedAt) implements Event {

    @Override
    public String subject() {
        return "channel-policy-" + policyId;
    }
}
