package vn.motcua.appointment.booking;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.motcua.appointment.offices.Office;
import vn.motcua.appointment.reference.ChannelPolicies;
import vn.motcua.appointment.reference.CounterResults;
import vn.motcua.appointment.reference.Procedures;
import vn.motcua.events.appointment.VisitPurpose;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.kit.problem.ApiProblem;

/**
 * What may be booked, decided from the local read models only: a hand-in needs a procedure a
 * counter of the office serves and that the channel policy in force on the slot's day lets the
 * counter take in person; a result collection needs that citizen's result waiting at this office.
 */
@Component
class BookingRules {
    private final Procedures procedures;
    private final ChannelPolicies policies;
    private final CounterResults results;

    BookingRules(Procedures procedures, ChannelPolicies policies, CounterResults results) {
        this.procedures = procedures;
        this.policies = policies;
        this.results = results;
    }

    /** @return the field of the visit's procedure (null when it has none), which picks the counter */
    String check(Office office, LocalDate day, VisitPurpose purpose, String procedureCode, String dossierCode,
            String citizenId) {
        return switch (purpose) {
            case HAND_IN -> handIn(office, day, procedureCode);
            case COLLECT_RESULT -> collection(office, dossierCode, citizenId);
            case GUIDANCE -> procedureCode == null ? null : known(procedureCode).field();
        };
    }

    private String handIn(Office office, LocalDate day, String procedureCode) {
        if (procedureCode == null || procedureCode.isBlank()) {
            throw ApiProblem.badRequest("procedure-required", "A hand-in booking names the procedure (procedureCode)");
        }
        Procedures.Procedure procedure = known(procedureCode);
        if (office.counters().stream().noneMatch(c -> c.serves(procedure.code(), procedure.field()))) {
            throw ApiProblem.unprocessable("no-counter-for-procedure",
                    "No counter of " + office.name() + " takes procedures of the field " + procedure.field());
        }
        ChannelPolicies.InForce policy = policies.inForce(office.agency(), day);
        if (policy.rule() == ChannelRule.ONLINE_FIRST && procedure.onlineLevel() >= 3 && !procedure.urgentCounter()) {
            ApiProblem refusal = ApiProblem.unprocessable("online-first",
                    "On " + day + " procedure " + procedure.code() + " (" + procedure.name() + ") is received online only ("
                            + policy.policy().sourceDocument() + "): submit it online"
                            + (procedure.acceptByPost() ? " or send the paper dossier through the public postal service" : ""))
                    .with("submitOnline", "/api/v1/dossiers")
                    .with("submitByPost", procedure.acceptByPost())
                    .with("policyId", policy.policy().policyId());
            throw refusal;
        }
        return procedure.field();
    }

    private String collection(Office office, String dossierCode, String citizenId) {
        if (dossierCode == null || dossierCode.isBlank()) {
            throw ApiProblem.badRequest("dossier-required", "A result collection names the dossier (dossierCode)");
        }
        if (citizenId == null) {
            throw ApiProblem.unprocessable("citizen-id-needed",
                    "A result is collected by its applicant: book with the citizen's id (portal, citizen or hotline)");
        }
        CounterResults.WaitingResult result = results.waiting(dossierCode)
                .filter(r -> citizenId.equals(r.ownerCitizenId()))
                .orElseThrow(() -> ApiProblem.unprocessable("no-result-waiting",
                        "No result of dossier " + dossierCode + " waits at a counter for this citizen"));
        if (!office.agency().equals(result.agencyCode())) {
            throw ApiProblem.unprocessable("result-at-another-office",
                    "The result of dossier " + dossierCode + " waits at agency " + result.agencyCode());
        }
        return null;
    }

    private Procedures.Procedure known(String procedureCode) {
        return procedures.byCode(procedureCode).orElseThrow(() -> ApiProblem.unprocessable("unknown-procedure",
                "No procedure " + procedureCode + " in the catalog"));
    }
}
