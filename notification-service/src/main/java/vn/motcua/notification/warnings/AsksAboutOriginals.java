package vn.motcua.notification.warnings;

import org.springframework.stereotype.Component;
import vn.motcua.events.postal.OriginalsAwaitingDecision;
import vn.motcua.kit.messaging.EventSubscriber;
import vn.motcua.kit.messaging.IncomingEvent;
import vn.motcua.kit.messaging.Subscriptions;
import vn.motcua.notification.delivery.Deliveries;

/**
 * The agency's one-stop officers, at once and each once, of a citizen's originals the catalog does not say the agency keeps,
 * when the dossier's result is ready (ADR 0083): they hand the result over, so they are the ones to send the originals
 * back with it or keep them.
 */
@Component
class AsksAboutOriginals implements EventSubscriber {
    private final OfficerDirectory directory;
    private final StaffMessages messages;
    private final Deliveries deliveries;

    AsksAboutOriginals(OfficerDirectory directory, StaffMessages messages, Deliveries deliveries) {
        this.directory = directory;
        this.messages = messages;
        this.deliveries = deliveries;
    }

    @Override
    public void subscribe(Subscriptions subscriptions) {
        subscriptions.on(OriginalsAwaitingDecision.class, this::ask);
    }

    private void ask(IncomingEvent<OriginalsAwaitingDecision> event) {
        OriginalsAwaitingDecision asked = event.data();
        for (Officer officer : directory.oneStopOfficers(asked.agencyCode())) {
            deliveries.tellStaff(event.eventId() + ":" + officer.username(), officer.recipientId(), asked.dossierCode(),
                    messages.originalsAwaitingDecision(asked), officer.email());
        }
    }
}
