package vn.motcua.dossier.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import vn.motcua.dossier.catalog.Agency;
import vn.motcua.dossier.catalog.Catalog;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.channels.ChannelPolicies;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.deadlines.DeadlinePolicy;
import vn.motcua.dossier.intake.internal.DossierCodes;
import vn.motcua.dossier.intake.internal.PostalArrivals;
import vn.motcua.dossier.storage.DossierRepository;
import vn.motcua.events.catalog.ChannelRule;
import vn.motcua.events.dossier.Applicant;
import vn.motcua.events.dossier.Channel;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.events.dossier.ResultDelivery;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.outbox.Changed;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

/**
 * Registers dossiers on every channel: online by citizens and portals, at the counter and by
 * post by an officer of the receiving agency. Each is checked against the catalog first.
 */
@Service
public class IntakeService {
    private final Catalog catalog;
    private final DossierCodes codes;
    private final AggregateStore dossiers;
    private final Clock clock;
    private final ChannelPolicies channelPolicies;
    private final DeadlinePolicy deadlines;
    private final PostalArrivals arrivals;
    private final DossierRepository repository;

    IntakeService(Catalog catalog, DossierCodes codes, AggregateStore dossiers, DossierRepository repository, Clock clock,
            ChannelPolicies channelPolicies, DeadlinePolicy deadlines, PostalArrivals arrivals) {
        this.repository = repository;
        this.deadlines = deadlines;
        this.arrivals = arrivals;
        this.catalog = catalog;
        this.channelPolicies = channelPolicies;
        this.codes = codes;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    /**
     * The paper dossiers the post delivered to a dissolved agency and no officer registered or turned away wait at its
     * successor from now on (ADR 0089).
     *
     * @return the item ids moved by this call
     */
    public List<String> passWaitingEnvelopes(String dissolvedAgencyCode, Agency successor) {
        return arrivals.passWaitingTo(dissolvedAgencyCode, successor);
    }

    public Dossier submitOnline(SubmitDossierRequest request, Caller caller) {
        return submitOnline(request, caller, null);
    }

    /** @param claimId the Idempotency-Key claim it is created under, stored with it (null: none) */
    public Dossier submitOnline(SubmitDossierRequest request, Caller caller, String claimId) {
        Terms terms = termsFor(request);
        if (!terms.procedure().offeredOnline()) {
            throw ApiProblem.unprocessable("procedure-not-online", terms.procedure().name()
                    + " is not offered online; book an appointment to submit it at the counter");
        }
        String owner = ownerOf(request, caller);
        if (caller.has(Role.POSTAL_CLERK)) {
            // Submitted online at a post office's counter: the national channel is the postal service's (3).
            String postOffice = caller.postOffice();
            return register(codes.next(terms.agency().code(), clock.instant()), request, terms, owner, Channel.POSTAL,
                    Actor.of(caller, Role.POSTAL_CLERK), claimId, dossier -> dossier.submittedAtPostOffice(postOffice));
        }
        Role actingAs = caller.has(Role.CITIZEN) ? Role.CITIZEN : Role.PORTAL;
        return register(request, terms, owner, Channel.ONLINE, Actor.of(caller, actingAs), claimId);
    }

    /**
     * A paper dossier an officer registers: handed in at the counter (any procedure, the decree's
     * default, unless a channel policy in force says online first: then only procedures not online
     * at level 3/4, or on the urgent list) or arrived by post (BCCI).
     */
    public Dossier registerPaper(SubmitDossierRequest request, Channel channel, Caller officer) {
        return registerPaper(request, channel, null, officer, null);
    }

    /**
     * What an attempt that died after storing it created under an Idempotency-Key claim the caller's
     * retry took over; nothing to look for on a fresh claim.
     */
    public Optional<Dossier> createdUnder(IdempotencyKeys.Claim claim) {
        return claim.createdBefore(repository::findByCreatedUnder);
    }

    /**
     * @param postalItemId for a dossier the post collected from the citizen (channel 3), the item id
     *     it arrived under: it must have arrived at this agency and not be registered yet
     */
    public Dossier registerPaper(SubmitDossierRequest request, Channel channel, String postalItemId, Caller officer, String claimId) {
        if (!officer.worksFor(request.agencyCode()) || !officer.has(Role.OFFICER)) {
            throw ApiProblem.forbidden("Only a counter officer of agency " + request.agencyCode()
                    + " registers paper dossiers for it");
        }
        Terms terms = termsFor(request);
        Procedure procedure = terms.procedure();
        if (channel == Channel.IN_PERSON) {
            var inForce = channelPolicies.inForce(terms.agency(), deadlines.today(clock.instant()));
            if (inForce.rule() == ChannelRule.ONLINE_FIRST && !procedure.mayBeReceivedInPerson()) {
                var policy = inForce.policy().orElseThrow();
                throw ApiProblem.unprocessable("submit-online", procedure.name() + " is offered online at level "
                        + procedure.onlineLevel() + " and is not on the urgent list: under " + policy.terms().source().document()
                        + " the counter does not take it in person. Help the applicant submit it online instead")
                        .with("onlineSubmission", "/api/v1/dossiers")
                        .with("procedureCode", procedure.code())
                        .with("channelPolicy", policy.id());
            }
        }
        if (channel == Channel.POSTAL && !procedure.acceptByPost()) {
            throw ApiProblem.unprocessable("not-by-post", procedure.name() + " cannot be submitted by post");
        }
        if (postalItemId == null) {
            return register(request, terms, request.applicant().idNumber(), channel, Actor.of(officer, Role.OFFICER), claimId);
        }
        if (channel != Channel.POSTAL) {
            throw ApiProblem.unprocessable("tracking-number-not-by-post", "Only a dossier arrived by post has a postal item id");
        }
        String code = codes.next(terms.agency().code(), clock.instant());
        arrivals.claim(postalItemId, terms.agency().code(), request.applicant().idNumber(), code);
        try {
            return register(code, request, terms, request.applicant().idNumber(), channel, Actor.of(officer, Role.OFFICER), claimId,
                    dossier -> dossier.arrivedByPostAs(postalItemId));
        } catch (RuntimeException notRegistered) {
            arrivals.release(postalItemId, code);
            throw notRegistered;
        }
    }

    private record Terms(Procedure procedure, Agency agency, ResultDelivery delivery) {
    }

    private Terms termsFor(SubmitDossierRequest request) {
        Procedure procedure = catalog.procedure(request.procedureCode()).orElseThrow(() -> ApiProblem
                .unprocessable("unknown-procedure", "No procedure with code " + request.procedureCode())
                .with("procedureCode", request.procedureCode()));
        Agency agency = catalog.knownAgency(request.agencyCode());
        LocalDate today = deadlines.today(clock.instant());
        if (!agency.activeOn(today)) {
            String when = agency.validUntil() != null ? "no longer receives dossiers (since " + agency.validUntil().plusDays(1) + ")"
                    : "receives dossiers from " + agency.validFrom();
            // Its successor may have been dissolved in turn: the citizen is sent to the one that holds its dossiers today.
            Optional<Agency> successor = catalog.successorHoldingOn(agency, today);
            ApiProblem inactive = ApiProblem.unprocessable("agency-not-active", agency.name() + " " + when
                    + successor.map(s -> "; submit to its successor " + s.name() + " (" + s.code() + ")").orElse(""))
                    .with("agencyCode", agency.code());
            throw successor.map(s -> inactive.with("successorCode", s.code())).orElse(inactive);
        }
        if (!agency.level().equals(procedure.agencyLevel())) {
            throw ApiProblem.unprocessable("procedure-not-handled-by-agency", "%s (%s level) does not handle %s, which is handled at %s level"
                    .formatted(agency.name(), agency.level(), procedure.name(), procedure.agencyLevel()));
        }
        ResultDelivery delivery = request.resultDelivery() != null ? request.resultDelivery()
                : procedure.onlineLevel() == 4 && !procedure.inPersonSignature() ? ResultDelivery.ONLINE : ResultDelivery.COUNTER;
        if (delivery == ResultDelivery.ONLINE && procedure.inPersonSignature()) {
            throw ApiProblem.unprocessable("result-signed-in-person", "The result of " + procedure.name()
                    + " must be signed for in person at the counter; it cannot be handed over online");
        }
        if (delivery == ResultDelivery.POST && !procedure.resultMayGoByPost()) {
            throw ApiProblem.unprocessable("result-not-by-post", procedure.inPersonSignature()
                    ? "The result of " + procedure.name() + " must be signed for in person at the counter"
                    : "The result of " + procedure.name() + " cannot be sent by post");
        }
        return new Terms(procedure, agency, delivery);
    }

    private Dossier register(SubmitDossierRequest request, Terms terms, String owner, Channel channel, Actor by, String claimId) {
        return register(codes.next(terms.agency().code(), clock.instant()), request, terms, owner, channel, by, claimId, dossier -> {
        });
    }

    private Dossier register(String code, SubmitDossierRequest request, Terms terms, String owner, Channel channel, Actor by,
            String claimId, Consumer<Dossier> howItCameIn) {
        var data = request.applicant();
        Applicant applicant = new Applicant(data.fullName().strip(), data.idNumber(), data.phone(), data.email(),
                data.address().strip());
        Instant now = clock.instant();
        // A clerk submits online too, at the post office: the online fee applies.
        boolean online = channel == Channel.ONLINE || Role.POSTAL_CLERK.realmName().equals(by.role());
        List<PricedFeeLine> feeLines = terms.procedure().price(online,
                request.copies() == null ? 1 : request.copies(), request.pages(), request.feeReduction());
        Changed<Dossier> submitted = Dossier.submit(code, terms.procedure(), terms.agency(), owner, applicant, channel,
                terms.delivery(), feeLines, by, now, howItCameIn);
        submitted.aggregate().createdUnder(claimId);
        return dossiers.insert(submitted);
    }

    /**
     * A citizen submits for themself: the applicant is the token's citizen. A provincial portal
     * submits on behalf of the citizen it authenticated, and a post-office clerk for the citizen at
     * the counter, named by the applicant's id number, at agencies of their province.
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
        if (caller.isRepresentative()) {
            if (!caller.representsAt(request.agencyCode())) {
                throw ApiProblem.forbidden("A " + (caller.has(Role.PORTAL) ? "portal" : "post office")
                        + " acts for citizens at agencies of its own province ("
                        + (caller.province() == null ? "none in its token" : caller.province()) + "), not at "
                        + request.agencyCode());
            }
            if (caller.has(Role.POSTAL_CLERK) && (caller.postOffice() == null || caller.postOffice().isBlank())) {
                throw ApiProblem.forbidden("A clerk's token must name the post office (post_office claim)");
            }
            return request.applicant().idNumber();
        }
        throw ApiProblem.forbidden("Only citizens, provincial portals and post-office clerks submit dossiers online");
    }
}
