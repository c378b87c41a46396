package vn.motcua.dossier.channels;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.notices.NoticeDefinition;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.kit.http.IfMatch;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;

/** Anyone may read which channels the counters take (people plan their visit); ops publish the policies. */
@RestController
class ChannelPolicyController {
    private final ChannelPolicies policies;
    private final Catalog catalog;

    ChannelPolicyController(ChannelPolicies policies, Catalog catalog) {
        this.policies = policies;
        this.catalog = catalog;
    }

    /** A new policy: its scope (one of provinceCode, agencyCode) and its terms. */
    record PolicyDefinition(@Pattern(regexp = "[A-Z][0-9]{2}") String provinceCode,
            @Size(max = 40) String agencyCode, @NotNull ChannelRule rule, @NotNull LocalDate validFrom,
            LocalDate validUntil, @NotNull @Valid NoticeDefinition source) {
        ChannelPolicy.Terms terms() {
            return new ChannelPolicy.Terms(rule, validFrom, validUntil, source.toNotice());
        }
    }

    /** A new version of a policy: its terms only (the scope stays). */
    record Amendment(@NotNull ChannelRule rule, @NotNull LocalDate validFrom, LocalDate validUntil,
            @NotNull @Valid NoticeDefinition source) {
        ChannelPolicy.Terms terms() {
            return new PolicyDefinition(null, null, rule, validFrom, validUntil, source).terms();
        }
    }

    record PolicyView(String id, int version, String provinceCode, String agencyCode, ChannelPolicy.Terms terms,
            String publishedBy, Instant publishedAt) {
        static PolicyView of(ChannelPolicy policy) {
            return new PolicyView(policy.id(), policy.policyVersion(), policy.provinceCode(), policy.agencyCode(),
                    policy.terms(), policy.publishedBy(), policy.publishedAt());
        }
    }

    /** The rule an agency applies on a day, and the policy that sets it (none: the decree's default). */
    record RuleView(String agencyCode, LocalDate day, ChannelRule rule, PolicyView policy) {
    }

    @Operation(summary = "Every channel policy, past, present and future (no token needed)")
    @GetMapping("/api/v1/public/channel-policies")
    List<PolicyView> all() {
        return policies.all().stream().map(PolicyView::of).toList();
    }

    @Operation(summary = "The channel rule an agency applies on a day, today by default (no token needed)")
    @ApiResponse(responseCode = "200", description = "The rule, and the policy that sets it (none: the default rule)",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = Catalog.UNKNOWN_AGENCY)
    @GetMapping("/api/v1/public/channel-policies/in-force")
    RuleView inForce(@RequestParam String agencyCode, @RequestParam(required = false) LocalDate day) {
        var agency = catalog.knownAgency(agencyCode);
        LocalDate on = day == null ? policies.today() : day;
        var inForce = policies.inForce(agency, on);
        return new RuleView(agencyCode, on, inForce.rule(), inForce.policy().map(PolicyView::of).orElse(null));
    }

    @Operation(summary = "Publish a channel policy for an agency or a province over a period (ops)",
            description = "Policies of one scope must not overlap in time (409 channel-policy-overlaps). One change of a scope's"
                    + " policies is made at a time: 409 channel-policy-being-changed (Retry-After) while another waits too long.")
    @ApiResponse(responseCode = "201", description = "Published; Location names it", useReturnTypeSchema = true)
    @PostMapping("/api/v1/channel-policies")
    @PreAuthorize("hasRole('ops')")
    ResponseEntity<PolicyView> publish(@Valid @RequestBody PolicyDefinition definition, Caller caller) {
        ChannelPolicy published = policies.publish(definition.provinceCode(), blankToNull(definition.agencyCode()),
                definition.terms(), caller.username());
        return ResponseEntity.created(URI.create("/api/v1/public/channel-policies/" + published.id()))
                .eTag(String.valueOf(published.policyVersion())).body(PolicyView.of(published));
    }

    @Operation(summary = "One channel policy (no token needed); ETag = its version")
    @GetMapping("/api/v1/public/channel-policies/{id}")
    ResponseEntity<PolicyView> one(@PathVariable String id) {
        ChannelPolicy policy = policies.find(id).orElseThrow(() -> ApiProblem.notFound("Channel policy", id));
        return ResponseEntity.ok().eTag(String.valueOf(policy.policyVersion())).body(PolicyView.of(policy));
    }

    @Operation(summary = "Amend a channel policy, e.g. end an emergency rule (ops); If-Match carries its version. 412"
            + " stale-channel-policy; 409 channel-policy-overlaps, or channel-policy-being-changed (another change of its scope,"
            + " retry)")
    @ApiResponse(responseCode = "200", description = "Amended (its new version in the ETag)", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "428", description = "No If-Match: a policy is amended from the version you read")
    @PutMapping("/api/v1/channel-policies/{id}")
    @PreAuthorize("hasRole('ops')")
    ResponseEntity<PolicyView> amend(@PathVariable String id, IfMatch ifMatch, @Valid @RequestBody Amendment amendment,
            Caller caller) {
        ChannelPolicy amended = policies.amend(id, amendment.terms(), ifMatch.required("channel policy " + id),
                caller.username());
        return ResponseEntity.ok().eTag(String.valueOf(amended.policyVersion())).body(PolicyView.of(amended));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
