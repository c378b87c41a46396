package vn.motcua.postal.shipments;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.security.Role;

@RestController
@RequestMapping("/api/v1/shipments")
class ShipmentsController {
    private final ShipmentRepository shipments;

    ShipmentsController(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @Operation(summary = "A citizen's own shipments, or those assigned to the calling postal operator")
    @GetMapping
    @PreAuthorize("hasAnyRole('citizen', 'postal-operator')")
    List<Shipment> shipments(Caller caller) {
        if (caller.has(Role.CITIZEN)) {
            return caller.citizenId() == null ? List.of()
                    : shipments.findByOwnerCitizenIdOrderByCreatedAtDesc(caller.citizenId());
        }
        return caller.clientId() == null ? List.of() : shipments.findByOperatorOrderByCreatedAtDesc(caller.clientId());
    }
}
