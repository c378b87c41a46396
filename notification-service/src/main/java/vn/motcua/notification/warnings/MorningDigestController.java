package vn.motcua.notification.warnings;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.time.CivilTime;

/** Ops send the day's digests when the service missed its morning (down at seven, say); the schedule does it otherwise. */
@RestController
@RequestMapping("/api/v1/notifications/morning-digest")
@PreAuthorize("hasRole('ops')")
class MorningDigestController {
    private final MorningDigest digest;
    private final Clock clock;

    MorningDigestController(MorningDigest digest, Clock clock) {
        this.digest = digest;
        this.clock = clock;
    }

    /** @param sent digests sent by this call; staff sent the day's digest before are not sent it again */
    record DigestRun(LocalDate day, int sent) {
    }

    @Operation(summary = "Sends today's staff digests (Việt Nam day) now, as each working morning does: dossiers at risk or"
            + " overdue to their specialists and one-stop officers, drafts awaiting a decision to the agency's leaders,"
            + " dossiers held by someone no longer a specialist to the officers and leaders, paper dossiers the post"
            + " delivered before today and nobody registered to the officers. A member of staff sent one of today's"
            + " digests is not sent it again")
    @PostMapping
    DigestRun sendNow() {
        LocalDate today = LocalDate.now(clock.withZone(CivilTime.VIETNAM));
        return new DigestRun(today, digest.send(today));
    }
}
