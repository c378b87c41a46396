package vn.motcua.notification.recipients;

import java.util.List;

/**
 * A citizen's addresses came from their preferences or their token, not from a dossier: the
 * notifications that waited for them can go. Told within the service, to the feature that sends.
 */
public record AddressesLearnt(String citizenId, List<String> waitingIds) {
}
