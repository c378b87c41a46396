package vn.motcua.dossier.intake;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import vn.motcua.dossier.access.DossierAccess;
import vn.motcua.dossier.core.Dossier;
import vn.motcua.dossier.core.NationalStatus;
import vn.motcua.dossier.intake.internal.DossierDocument;
import vn.motcua.dossier.intake.internal.FileType;
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

    private final MongoTemplate mongo;
    private final DossierAccess access;
    private final Clock clock;
    private final DataSize maxSize;

    DocumentStore(MongoTemplate mongo, DossierAccess access, Clock clock,
            @Value("${motcua.dossier.documents.max-size:5MB}") DataSize maxSize) {
        this.mongo = mongo;
        this.access = access;
        this.clock = clock;
        this.maxSize = maxSize;
    }

    DossierDocument.DocumentInfo add(String code, String kind, String fileName, byte[] content, Caller caller) {
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
        DossierDocument document = new DossierDocument(UUID.randomUUID().toString(), code, kind.strip(),
                name, type.mediaType(), content.length, sha256(content), caller.subject(),
                clock.instant(), content);
        return mongo.insert(document).info();
    }

    List<DossierDocument.DocumentInfo> list(String code, Caller caller) {
        access.visible(code, caller);
        Query query = new Query(where("dossierCode").is(code)).with(Sort.by("uploadedAt"));
        query.fields().exclude("content");
        return mongo.find(query, DossierDocument.class).stream().map(DossierDocument::info).toList();
    }

    DossierDocument get(String code, String id, Caller caller) {
        access.visible(code, caller);
        DossierDocument document = mongo.findById(id, DossierDocument.class);
        if (document == null || !document.dossierCode().equals(code)) {
            throw ApiProblem.notFound("Document", id);
        }
        return document;
    }

    /** The kinds of document uploaded so far, for the reception check. */
    public List<String> kindsOf(String code) {
        return mongo.findDistinct(new Query(where("dossierCode").is(code)), "kind", DossierDocument.class, String.class);
    }

    /** The kinds of document uploaded at or after {@code since}: what a supplement brought. */
    public List<String> kindsOf(String code, Instant since) {
        return mongo.findDistinct(new Query(where("dossierCode").is(code).and("uploadedAt").gte(since)), "kind",
                DossierDocument.class, String.class);
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

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
