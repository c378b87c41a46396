package vn.motcua.notification.warnings;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.notification.delivery.Deliveries;
import vn.motcua.notification.inbox.Message;

/**
 * Each working morning, one digest per member of staff and kind: the agency's one-stop officers get every dossier of
 * their agency at risk or overdue, those held by someone no longer one of its specialists, and the paper dossiers the
 * post delivered before that day that nobody has registered; a specialist the ones
 * assigned to them; and the agency's leaders the drafts awaiting their decision. One instance sends it (a cluster
 * lease), and a digest's id is its kind, day and recipient, so a second run that day, scheduled or asked by ops, sends
 * nothing again.
 */
@Component
public class MorningDigest {
    private static final Logger log = LoggerFactory.getLogger(MorningDigest.class);
    private static final String LEASE = "notification-morning-digest";

    private final MongoTemplate mongo;
    private final OfficerDirectory directory;
    private final StaffMessages messages;
    private final Deliveries deliveries;
    private final ClusterLease lease;
    private final Clock clock;

    MorningDigest(MongoTemplate mongo, OfficerDirectory directory, StaffMessages messages, Deliveries deliveries, ClusterLease lease,
            Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.messages = messages;
        this.deliveries = deliveries;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(cron = "${motcua.notification.officers.digest-cron:0 0 7 * * MON-FRI}", zone = "Asia/Ho_Chi_Minh")
    void scheduled() {
        if (lease.tryAcquire(LEASE, Duration.ofMinutes(30))) {
            send(LocalDate.now(clock.withZone(CivilTime.VIETNAM)));
        }
    }

    /** @return how many digests it sent; none are sent again for a day and member of staff told before */
    public int send(LocalDate day) {
        return sendFlagged(day) + sendAwaitingApproval(day) + sendHeldByDeparted(day) + sendUnregisteredEnvelopes(day);
    }

    private int sendFlagged(LocalDate day) {
        List<WatchedDossier> flagged = mongo.find(new Query(where("flag").in("AT_RISK", "OVERDUE")), WatchedDossier.class);
        Map<String, Officer> staff = new LinkedHashMap<>();
        Map<String, List<WatchedDossier>> theirs = new LinkedHashMap<>();
        for (WatchedDossier dossier : flagged) {
            for (Officer officer : directory.oneStopOfficers(dossier.agencyCode())) {
                staff.putIfAbsent(officer.username(), officer);
                theirs.computeIfAbsent(officer.username(), u -> new ArrayList<>()).add(dossier);
            }
            if (dossier.assignee() != null) {
                directory.byUsername(dossier.assignee()).ifPresent(officer -> {
                    staff.putIfAbsent(officer.username(), officer);
                    List<WatchedDossier> list = theirs.computeIfAbsent(officer.username(), u -> new ArrayList<>());
                    if (!list.contains(dossier)) {
                        list.add(dossier);
                    }
                });
            }
        }
        int sent = 0;
        for (Officer officer : staff.values()) {
            List<WatchedDossier> list = theirs.get(officer.username());
            list.sort(Comparator.comparing(WatchedDossier::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
            sent += tellEach("digest", day, List.of(officer), messages.digest(day, list));
        }
        log.info("Morning digest of {}: {} dossier(s) at risk or overdue, {} member(s) of staff told", day, flagged.size(), sent);
        return sent;
    }

    /**
     * Each agency's one-stop officers and leaders, who may hand dossiers over (ADR 0061), get its dossiers in processing
     * held by someone the realm no longer lists as one of its specialists (ADR 0062), so they hand them over before they
     * run late. A leader who is also an officer is told once.
     */
    private int sendHeldByDeparted(LocalDate day) {
        Map<String, List<WatchedDossier>> byAgency = mongo.find(new Query(where("assignee").ne(null)), WatchedDossier.class)
                .stream().filter(dossier -> !directory.isSpecialistOf(dossier.assignee(), dossier.agencyCode()))
                .sorted(Comparator.comparing(WatchedDossier::assignee).thenComparing(WatchedDossier::dueDate,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .collect(Collectors.groupingBy(WatchedDossier::agencyCode, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        for (Map.Entry<String, List<WatchedDossier>> agency : byAgency.entrySet()) {
            Map<String, Officer> mayHandOver = new LinkedHashMap<>();
            Stream.concat(directory.oneStopOfficers(agency.getKey()).stream(), directory.leaders(agency.getKey()).stream())
                    .forEach(member -> mayHandOver.putIfAbsent(member.username(), member));
            sent += tellEach("held-by-departed", day, mayHandOver.values(),
                    messages.heldByDeparted(day, agency.getKey(), agency.getValue()));
        }
        log.info("Departed holders' digest of {}: dossiers to hand over in {} agency(ies), {} officer(s) and leader(s) told", day,
                byAgency.size(), sent);
        return sent;
    }

    /**
     * Each agency's one-stop officers get the envelopes the post delivered to their desk before the day began that no
     * officer has registered (ADR 0082) or turned away (ADR 0088), so a citizen's paper dossier does not lie unopened while its time has not even
     * started: until it is registered it is in their digest each working morning. One whose agency was dissolved is in its
     * successor's (ADR 0089).
     */
    private int sendUnregisteredEnvelopes(LocalDate day) {
        Instant dayBegan = day.atStartOfDay(CivilTime.VIETNAM).toInstant();
        Map<String, List<ArrivedEnvelope>> byAgency = mongo.find(new Query(where("registeredAs").is(null).and("turnedAwayAt").is(null).and("arrivedAt").lt(dayBegan)
                .and("agencyCode").ne(null)).with(Sort.by("arrivedAt", "_id")), ArrivedEnvelope.class).stream()
                .collect(Collectors.groupingBy(ArrivedEnvelope::desk, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        for (Map.Entry<String, List<ArrivedEnvelope>> agency : byAgency.entrySet()) {
            sent += tellEach("envelopes", day, directory.oneStopOfficers(agency.getKey()),
                    messages.unregisteredEnvelopes(day, agency.getKey(), agency.getValue()));
        }
        log.info("Envelopes' digest of {}: paper dossiers unregistered in {} agency(ies), {} officer(s) told", day, byAgency.size(),
                sent);
        return sent;
    }

    /** Each agency's leaders get its drafts awaiting a decision (ADR 0056), so none waits unseen for days. */
    private int sendAwaitingApproval(LocalDate day) {
        Map<String, List<WatchedDossier>> byAgency = mongo
                .find(new Query(where("approvalRequestedAt").ne(null)), WatchedDossier.class).stream()
                .sorted(Comparator.comparing(WatchedDossier::approvalRequestedAt))
                .collect(Collectors.groupingBy(WatchedDossier::agencyCode, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        for (Map.Entry<String, List<WatchedDossier>> agency : byAgency.entrySet()) {
            sent += tellEach("approvals", day, directory.leaders(agency.getKey()), messages.approvalsDigest(day, agency.getValue()));
        }
        log.info("Approvals digest of {}: drafts awaiting a decision in {} agency(ies), {} leader(s) told", day, byAgency.size(), sent);
        return sent;
    }

    /**
     * A digest of a kind, rendered once, to each member of staff named; each one's id is the kind, the day and
     * the recipient, so nobody is sent that day's twice.
     *
     * @return how many were sent now
     */
    private int tellEach(String kind, LocalDate day, Collection<Officer> staff, Message digest) {
        int sent = 0;
        for (Officer member : staff) {
            sent += deliveries.tellStaff(kind + ":" + day + ":" + member.username(), member.recipientId(), null, digest,
                    member.email()) ? 1 : 0;
        }
        return sent;
    }
}
