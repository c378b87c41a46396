package vn.motcua.dossier.intake;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.core.Channel;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.DossierRepository;
import vn.motcua.dossier.core.ResultDelivery;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.kit.outbox.EventRecorder;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/** Online intake: checks the request against the catalog, registers the dossier and its event. */
@Service
public class IntakeService {
    private final Catalog catalog;
    private final DossierCodes codes;
    private final DossierRepository dossiers;
    private final EventRecorder events;
    private final Clock clock;

    IntakeService(Catalog catalog, DossierCodes codes, DossierRepository dossiers, EventRecorder events, Clock clock) {
        this.catalog = catalog;
        this.codes = codes;
        this.dossiers = dossiers;
        this.events = events;
        this.clock = clock;
    }

    public Dossier submitOnline(SubmitDossierRequest request, Caller caller) {
        Procedure procedure = catalog.procedure(request.procedureCode()).orElseThrow(() -> ApiProblem
                .unprocessable("unknown-procedure", "No procedure with code " + request.procedureCode())
                .with("procedureCode", request.procedureCode()));
        Agency agency = catalog.agency(request.agencyCode()).orElseThrow(() -> ApiProblem
                .unprocessable("unknown-agency", "No agency with code " + request.agencyCode())
                .with("agencyCode", request.agencyCode()));
        if (!agency.level().equals(procedure.agencyLevel())) {
            throw ApiProblem.unprocessable("procedure-not-handled-by-agency", "%s (%s level) does not handle %s, which is handled at %s level"
                    .formatted(agency.name(), agency.level(), procedure.name(), procedure.agencyLevel()));
        }
        if (!procedure.offeredOnline()) {
            throw ApiProblem.unprocessable("procedure-not-online", procedure.name()
                    + " is not offered online; book an appointment to submit it at the counter");
        }
        ResultDelivery delivery = request.resultDelivery() != null ? request.resultDelivery()
                : procedure.onlineLevel() == 4 ? ResultDelivery.ONLINE : ResultDelivery.COUNTER;
        if (delivery == ResultDelivery.POST && !procedure.resultMayGoByPost()) {
            throw ApiProblem.unprocessable("result-not-by-post", procedure.inPersonSignature()
                    ? "The result of " + procedure.name() + " must be signed for in person at the counter"
                    : "The result of " + procedure.name() + " cannot be sent by post");
        }
        String owner = ownerOf(request, caller);
        var data = request.applicant();
        Applicant applicant = new Applicant(data.fullName().strip(), data.idNumber(), data.phone(), data.email(),
                data.address().strip());
        Instant now = clock.instant();
        Dossier.Submission submission = Dossier.submit(codes.next(agency.code(), now), procedure, agency.code(),
                owner, applicant, Channel.ONLINE, delivery, request.copies() == null ? 1 : request.copies(),
                caller.subject(), now);
        Dossier dossier = submission.dossier();
        dossier.enqueue(events.record(submission.events()));
        return dossiers.insert(dossier);
    }

    /**
     * A citizen submits for themself: the applicant is the token's citizen. A provincial portal
     * submits on behalf of the citizen it authenticated, named by the applicant's id number.
     */
    private static String ownerOf(SubmitDossierRequest request, Caller caller) {
        if (caller.has(Role.CITIZEN)) {
            if (caller.citizenId() == null) {
                throw ApiProblem.forbidden("Your account has no citizen id number; it cannot submit dossiers");
            }
            if (!caller.citizenId().equals(request.applicant().idNumber())) {
                throw ApiProblem.unprocessable("applicant-not-caller",
                        "A citizen submits for themself: applicant.idNumber must be your own citizen id number");
            }
            return caller.citizenId();
        }
        if (caller.has(Role.PORTAL)) {
            return request.applicant().idNumber();
        }
        throw ApiProblem.forbidden("Only citizens and provincial portals submit dossiers online");
    }
}
