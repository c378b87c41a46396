package vn.motcua.notification.warnings;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.motcua.kit.lease.ClusterLease;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.notification.delivery.Deliveries;

/**
 * Each working morning, one digest per member of staff: the agency's one-stop officers get every
 * dossier of their agency at risk or overdue, a specialist the ones assigned to them. One instance
 * sends it (a cluster lease), and a digest's id is its day and recipient, so a second run that day
 * sends nothing again.
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

    /** @return how many digests it sent */
    public int send(LocalDate day) {
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
        for (Officer officer : staff.values()) {
            List<WatchedDossier> list = theirs.get(officer.username());
            list.sort(Comparator.comparing(WatchedDossier::dueDate, Comparator.nullsLast(Comparator.naturalOrder())));
            deliveries.tellStaff("digest:" + day + ":" + officer.username(), officer.recipientId(), null, messages.digest(day, list),
                    officer.email());
        }
        log.info("Morning digest of {}: {} dossier(s) at risk or overdue, {} member(s) of staff told", day, flagged.size(), staff.size());
        return staff.size();
    }
}
