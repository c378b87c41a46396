package vn.motcua.postal.shipments;

import org.springframework.stereotype.Component;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.ReachedFirst;
import vn.motcua.kit.security.Role;

/** Who reaches a shipment: its citizen, its operator, and the staff of the agency it leaves from. */
@Component
class ShipmentReach implements ReachedFirst.Reach {
    private final ShipmentRepository shipments;

    ShipmentReach(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    /** A change to another's shipment is 404 before its body is read (ADR 0039); each change checks again. */
    @Override
    public void check(String id, Caller caller) {
        shipments.findById(id).filter(shipment -> sees(caller, shipment))
                .orElseThrow(() -> ApiProblem.notFound("Shipment", id));
    }

    static boolean sees(Caller caller, Shipment shipment) {
        if (caller.has(Role.CITIZEN)) {
            return shipment.ownerCitizenId() != null && shipment.ownerCitizenId().equals(caller.citizenId());
        }
        if (caller.has(Role.POSTAL_OPERATOR)) {
            return shipment.operator().equals(caller.clientId());
        }
        return shipment.origin().agencyCode() != null && caller.worksFor(shipment.origin().agencyCode());
    }
}
