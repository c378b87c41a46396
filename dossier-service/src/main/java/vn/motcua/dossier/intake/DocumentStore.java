package vn.motcua.dossier.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.dossier.core.Actor;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.FileToTakeBack;
import vn.motcua.dossier.core.IllegalTransition;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.core.ResultFeeUnpaid;
import vn.motcua.dossier.intake.internal.DossierDocument;
import vn.motcua.dossier.intake.internal.FileType;
import vn.motcua.kit.idempotency.IdempotencyKeys;
import vn.motcua.kit.outbox.AggregateStore;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;
import vn.motcua.kit.web.RequestText;

/** Files of a dossier: checked by size and by content, then kept beside the dossier. */
@Service
public class DocumentStore {
    /** The applicant adds files while registering and when asked to supplement; staff while they hold the dossier. */
    private static final Set<NationalStatus> OWNER_MAY_ADD = EnumSet.of(NationalStatus.NEWLY_REGISTERED,
            NationalStatus.SUPPLEMENT_REQUESTED);
    private static final Set<NationalStatus> STAFF_MAY_ADD = EnumSet.of(NationalStatus.NEWLY_REGISTERED,
            NationalStatus.RECEIVED, NationalStatus.PROCESSING, NationalStatus.SUPPLEMENT_REQUESTED);
    /**
     * Files staff add for the applicant while the agency works on the dossier are news to the applicant, who is told
     * (ADR 0054); before reception and during a supplement they are the applicant's own papers, scanned at the counter.
     */
    private static final Set<NationalStatus> TOLD_WHEN_ADDED = EnumSet.of(NationalStatus.RECEIVED,
            NationalStatus.PROCESSING);
    private static final List<Role> UPLOADER_ROLES = List.of(Role.CITIZEN, Role.PORTAL, Role.POSTAL_CLERK, Role.OFFICER,
            Role.SPECIALIST);
    static final String REMOVED_AT = "removedAt";
    private static final String INTERNAL = "internal";
    /**
     * The kind of the result's electronic copy, which staff attach and an applicant reads once the result is ready
     * (ADR 0045): an online result is handed over as this file.
     */
    public static final String RESULT_KIND = "Kết quả giải quyết";

    private final MongoTemplate mongo;
    private final DossierAccess access;
    private final AggregateStore dossiers;
    private final Clock clock;
    private final DataSize maxSize;

    DocumentStore(MongoTemplate mongo, DossierAccess access, AggregateStore dossiers, Clock clock,
            @Value("${motcua.dossier.documents.max-size:5MB}") DataSize maxSize) {
        this.mongo = mongo;
        this.access = access;
        this.dossiers = dossiers;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    /**
     * @param sha256 the content's, as the caller's request was told apart by it
     * @param internal a working file of the agency's staff, which the applicant's side never reads (ADR 0050)
     * @param claim the Idempotency-Key's claim the file is attached under, which names it: a retry that took over a dead
     *     attempt finds the file that attempt attached ({@link #createdUnder})
     */
    DossierDocument.DocumentInfo add(String code, String kind, String fileName, byte[] content, String sha256, boolean internal,
            Caller caller, IdempotencyKeys.Claim claim) {
        Dossier dossier = access.visible(code, caller);
        boolean owner = DossierAccess.actsAsOwner(dossier, caller);
        if (!owner && !caller.has(Role.OFFICER) && !caller.has(Role.SPECIALIST)) {
            throw ApiProblem.forbidden("Documents are added by the applicant (or the portal acting for them), an officer"
                    + " or a specialist");
        }
        if (!(owner ? OWNER_MAY_ADD : STAFF_MAY_ADD).contains(dossier.status())) {
            throw ApiProblem.conflict("documents-closed", "Dossier " + code + " is in status " + dossier.status().code()
                    + " (" + dossier.status().name() + "); documents cannot be added now")
                    .with("currentStatus", dossier.status().code());
        }
        if (owner && isResult(kind)) {
            throw ApiProblem.unprocessable("kind-reserved-for-the-agency", "\"" + RESULT_KIND + "\" is the agency's"
                    + " result; an applicant's file needs another kind").with("kind", kind.strip());
        }
        if (internal && owner) {
            throw ApiProblem.unprocessable("internal-is-for-staff", "Only the agency's officers and specialists keep a file"
                    + " internal; the applicant's files are read by both sides");
        }
        if (internal && isResult(kind)) {
            throw ApiProblem.unprocessable("result-is-the-applicants", "\"" + RESULT_KIND + "\" is handed to the applicant;"
                    + " it cannot be internal").with("kind", kind.strip());
        }
        if (content.length == 0) {
            throw ApiProblem.badRequest("empty-file", "The file is empty");
        }
        if (content.length > maxSize.toBytes()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                    "The file has " + content.length + " bytes; at most " + maxSize.toBytes() + " are accepted")
                    .with("maxBytes", maxSize.toBytes());
        }
        String name = safeName(fileName);
        FileType type = FileType.sniff(content).orElseThrow(() -> new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "file-type-not-allowed", "File type not allowed",
                "The content of " + name + " is not a PDF, PNG or JPEG file, whatever its name says"));
        DossierDocument document = new DossierDocument(claim.idOfCreation(), code,
                isResult(kind) ? RESULT_KIND : kind.strip(),
                name, type.mediaType(), content.length, sha256, caller.subject(),
                clock.instant(), internal ? Boolean.TRUE : null, content, null, null);
        mongo.insert(document);
        return document.info(removable(toldOf(dossier, document, caller), document, caller));
    }

    /** The file a dead attempt under this claim attached before it could answer. */
    Optional<DossierDocument.DocumentInfo> createdUnder(IdempotencyKeys.Claim claim, String code, Caller caller) {
        return claim.createdBefore(claimId -> fileOf(code, claim.idOfCreation())
                .map(document -> document.info(removable(toldOf(access.visible(code, caller), document, caller), document,
                        caller))));
    }

    List<DossierDocument.DocumentInfo> list(String code, Caller caller) {
        Dossier dossier = access.visible(code, caller);
        List<DossierDocument> documents = filesAsRecorded(dossier, new Query().with(Sort.by("uploadedAt")));
        Map<String, Long> papersOfKind = documents.stream().filter(document -> !document.isInternal())
                .collect(Collectors.groupingBy(DossierDocument::kind, Collectors.counting()));
        boolean byStaff = byStaff(dossier, caller);
        return documents.stream().filter(document -> readable(dossier, document, caller))
                .map(document -> document.info(caller.subject().equals(document.uploadedBy())
                        && dossier.allowsRemovalOf(toTakeBack(document, byStaff,
                                !document.isInternal() && papersOfKind.get(document.kind()) > 1))))
                .toList();
    }

    DossierDocument get(String code, String id, Caller caller) {
        Dossier dossier = access.visible(code, caller);
        DossierDocument document = mongo.findById(id, DossierDocument.class);
        if (document == null || !document.dossierCode().equals(code) || dossier.recordsRemovalOf(id)) {
            throw ApiProblem.notFound("Document", id);
        }
        if (!readable(dossier, asRecorded(dossier, document), caller)) {
            // Told the result is ready, the applicant learns what holds its copy back rather than that it is not there.
            if (dossier.holdsResultCopyForItsFee(id)) {
                throw new ResultFeeUnpaid(code);
            }
            throw ApiProblem.notFound("Document", id);
        }
        return document;
    }

    /**
     * Takes a file back for whoever uploaded it, before the agency has looked at it (ADR 0041). The file is hidden
     * first: a reception or a supplement that reads the dossier after that no longer counts it, and one that read the
     * dossier before fails on the version the removal then stores. Refused by the dossier meanwhile (it was received),
     * the file is shown again. Its content is erased once the history records the removal; a retry finishes a
     * removal that stopped between these writes, and {@link StoppedRemovals} settles one never retried.
     */
    void remove(String code, String id, Caller caller) {
        Dossier dossier = access.visible(code, caller);
        Query ofTheDossier = new Query(where("_id").is(id).and("dossierCode").is(code));
        ofTheDossier.fields().exclude("content");
        DossierDocument found = mongo.findOne(ofTheDossier, DossierDocument.class);
        DossierDocument document = found == null ? null : asRecorded(dossier, found);
        if (document == null || document.removedAt() != null && !caller.subject().equals(document.removedBy())) {
            throw ApiProblem.notFound("Document", id);
        }
        if (!caller.subject().equals(document.uploadedBy())) {
            throw ApiProblem.forbidden("A file is removed only by whoever uploaded it");
        }
        Actor uploader = Actor.of(caller, UPLOADER_ROLES.stream().filter(caller::has).findFirst().orElseThrow());
        boolean hidden = document.removedAt() != null;
        // A retry keeps the first attempt's time; hiding again also undoes StoppedRemovals showing it meanwhile.
        Update hide = new Update().set(REMOVED_AT, hidden ? document.removedAt() : clock.instant())
                .set("removedBy", caller.subject());
        try {
            if (!dossier.recordsRemovalOf(id)) {
                dossier.checkRemovable(toTakeBack(dossier, document, caller));
            }
            hidden = true;
            mongo.updateFirst(new Query(where("_id").is(id)), hide, DossierDocument.class);
            // Whether another file of its kind stays is asked of the dossier the write is guarded by: of two removals at
            // once of the last two files of a kind, the one stored second finds the other's recorded and is refused.
            dossiers.updateRetrying(dossier, () -> access.visible(code, caller), current -> current.recordsRemovalOf(id)
                    ? AggregateStore.UNCHANGED
                    : current.removeDocument(uploader, toTakeBack(current, document, caller), clock.instant()));
        } catch (ApiProblem refused) {
            // The dossier has moved on (received, or the file was there when a supplement was asked for): the file
            // stays the dossier's, even one a removal that stopped had hidden.
            if (hidden) {
                mongo.updateFirst(new Query(where("_id").is(id)), new Update().unset(REMOVED_AT).unset("removedBy"),
                        DossierDocument.class);
            }
            throw refused;
        }
        mongo.updateFirst(new Query(where("_id").is(id)), hide.unset("content"), DossierDocument.class);
    }

    /**
     * Shows one of the agency's internal files to the applicant from now on (ADR 0051). The dossier decides whether it
     * may, and its history's record is the sharing: the applicant reads the file from then on, and is told by the event
     * stored with it. The file's own flag follows for the queries that count papers; a retry of a call that stopped
     * before it sets it. A file not internal is the applicant's already: the answer is the file, and nothing changes.
     */
    DossierDocument.DocumentInfo share(String code, String id, Caller caller) {
        Dossier dossier = access.visible(code, caller);
        if (!byStaff(dossier, caller)) {
            throw ApiProblem.forbidden("The agency's officers and specialists show its internal files to the applicant");
        }
        DossierDocument document = fileOf(code, id).orElseThrow(() -> ApiProblem.notFound("Document", id));
        if (document.isInternal()) {
            dossier = recordSharing(dossier, document, caller);
            mongo.updateFirst(new Query(where("_id").is(id)), new Update().unset(INTERNAL), DossierDocument.class);
        }
        DossierDocument shown = document.shown();
        return shown.info(removable(dossier, shown, caller));
    }

    /** The dossier's history records the file shared with the applicant, once, and the event tells them. */
    private Dossier recordSharing(Dossier asRead, DossierDocument document, Caller caller) {
        Actor staff = Actor.of(caller, caller.has(Role.OFFICER) ? Role.OFFICER : Role.SPECIALIST);
        return dossiers.updateRetrying(asRead, () -> access.visible(asRead.code(), caller), current -> current.recordsSharingOf(document.id())
                ? AggregateStore.UNCHANGED
                : current.shareDocument(staff, document.id(), document.kind(), document.fileName(), clock.instant()));
    }

    /**
     * A file staff added for the applicant while the agency worked on the dossier, recorded as shared so that the
     * applicant is told (ADR 0054); a retry of an upload that stopped before it records it, judged by the status the
     * dossier had when the file was stored. Any other file, or a dossier that moved on meanwhile, is left as it is: the
     * file stays the dossier's, untold, as before the agency had it.
     */
    private Dossier toldOf(Dossier dossier, DossierDocument document, Caller caller) {
        if (!byStaff(dossier, caller) || document.isInternal() || isResult(document.kind())
                || !TOLD_WHEN_ADDED.contains(dossier.statusAt(document.uploadedAt()))) {
            return dossier;
        }
        try {
            return recordSharing(dossier, document, caller);
        } catch (IllegalTransition movedOn) {
            return dossier;
        }
    }

    /** One of the dossier's files not taken back, without its content. */
    private Optional<DossierDocument> fileOf(String code, String id) {
        Query file = new Query(filesOf(code).and("_id").is(id));
        file.fields().exclude("content");
        return Optional.ofNullable(mongo.findOne(file, DossierDocument.class));
    }

    /**
     * The id of the last copy of the result attached, null when none is: one attached by mistake is followed by the
     * right one. The id breaks a tie of the same millisecond.
     */
    public String resultCopyOf(String code) {
        Query last = resultCopies(code).with(Sort.by(Sort.Direction.DESC, "uploadedAt", "_id")).limit(1);
        last.fields().exclude("content");
        DossierDocument copy = mongo.findOne(last, DossierDocument.class);
        return copy == null ? null : copy.id();
    }

    private static Query resultCopies(String code) {
        return new Query(filesOf(code).and("kind").is(RESULT_KIND));
    }

    /** The file as the dossier's history has it: one its record says was shared is not internal, whatever its flag. */
    private static DossierDocument asRecorded(Dossier dossier, DossierDocument document) {
        return document.isInternal() && dossier.recordsSharingOf(document.id()) ? document.shown() : document;
    }

    /**
     * Staff of the agency read every file. The applicant reads none of the agency's internal files, and the result once it
     * is ready and any fee due at it paid, or once handed over: the copy it was marked ready with.
     */
    private static boolean readable(Dossier dossier, DossierDocument document, Caller caller) {
        if (!DossierAccess.actsAsOwner(dossier, caller)) {
            return true;
        }
        return !document.isInternal() && (!isResult(document.kind())
                || dossier.releasesResultCopy() && document.id().equals(dossier.resultCopyId()));
    }

    // Compared as a person reads it: the applicant cannot pass a file off as the result by its capitals.
    private static boolean isResult(String kind) {
        return kind != null && kind.strip().equalsIgnoreCase(RESULT_KIND);
    }

    private boolean removable(Dossier dossier, DossierDocument document, Caller caller) {
        return caller.subject().equals(document.uploadedBy()) && dossier.allowsRemovalOf(toTakeBack(dossier, document, caller));
    }

    /** The file as the dossier judges its removal; whether another of its kind stays is looked up for staff only. */
    private FileToTakeBack toTakeBack(Dossier dossier, DossierDocument document, Caller caller) {
        boolean byStaff = byStaff(dossier, caller);
        // No decision counted an internal file, so whether another of its kind stays does not matter for it.
        return toTakeBack(document, byStaff, byStaff && !document.isInternal() && anotherPaperOfKind(dossier, document));
    }

    /** Another of the dossier's papers of the file's kind, as its history has them. */
    private boolean anotherPaperOfKind(Dossier dossier, DossierDocument document) {
        Query othersOfKind = new Query(where("kind").is(document.kind()).and("_id").ne(document.id()));
        return filesAsRecorded(dossier, othersOfKind).stream().anyMatch(other -> !other.isInternal());
    }

    private static FileToTakeBack toTakeBack(DossierDocument document, boolean byStaff, boolean anotherOfKindStays) {
        return new FileToTakeBack(document.id(), document.kind(), document.fileName(), document.uploadedAt(), byStaff,
                document.isInternal(), anotherOfKindStays);
    }

    private static boolean byStaff(Dossier dossier, Caller caller) {
        return !DossierAccess.actsAsOwner(dossier, caller) && (caller.has(Role.OFFICER) || caller.has(Role.SPECIALIST));
    }

    /**
     * The kinds of the dossier's papers uploaded so far, for the reception check, as its history has them: the agency's
     * internal files are none, but one shown to the applicant is (ADR 0051), and a file counts until its removal is
     * recorded (ADR 0041), whatever the file's own flags say meanwhile.
     */
    public List<String> kindsOf(Dossier dossier) {
        return paperKinds(dossier, new Query());
    }

    /** The kinds of papers uploaded at or after {@code since}: what a supplement brought. */
    public List<String> kindsOf(Dossier dossier, Instant since) {
        return paperKinds(dossier, new Query(where("uploadedAt").gte(since)));
    }

    private List<String> paperKinds(Dossier dossier, Query files) {
        return filesAsRecorded(dossier, files).stream().filter(file -> !file.isInternal())
                .map(DossierDocument::kind).distinct().toList();
    }

    /**
     * The dossier's files the query selects, without their content, as its history has them: a file is taken back once
     * the history records its removal, not when a removal hid it (ADR 0041), and one the history says was shared is not
     * internal (ADR 0051). A removal under way or stopped before its record leaves the file counted, and the dossier's
     * version decides between it and a reception or supplement that counted the file.
     */
    private List<DossierDocument> filesAsRecorded(Dossier dossier, Query files) {
        files.addCriteria(where("dossierCode").is(dossier.code())).fields().exclude("content");
        return mongo.find(files, DossierDocument.class).stream().filter(file -> !dossier.recordsRemovalOf(file.id()))
                .map(file -> asRecorded(dossier, file)).toList();
    }

    /** The dossier's files not taken back. */
    private static Criteria filesOf(String code) {
        return where("dossierCode").is(code).and(REMOVED_AT).is(null);
    }

    /**
     * A file's name comes from the citizen's device as it is: path separators, quotes, control and
     * direction-override characters become "_" (a name shown reversed could pass "x.exe" for a PDF),
     * and it is kept canonical like all text (composed, nothing invisible).
     */
    private static String safeName(String name) {
        if (name == null) {
            return "file";
        }
        StringBuilder safe = new StringBuilder();
        RequestText.canonical(name).codePoints().forEach(c -> {
            boolean unsafe = c == '\\' || c == '/' || c == '"' || c == '\r' || c == '\n' || c == '\t' || RequestText.notAccepted(c);
            safe.appendCodePoint(unsafe ? '_' : c);
        });
        String base = safe.toString().strip();
        return base.isEmpty() ? "file" : base.substring(0, base.offsetByCodePoints(0, Math.min(base.codePointCount(0, base.length()), 200)));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
