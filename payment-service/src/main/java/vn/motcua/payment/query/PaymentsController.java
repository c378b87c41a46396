package vn.motcua.payment.query;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.security.Caller;
import vn.motcua.payment.ordering.PaymentOrderRepository;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentsController {
    private final PaymentOrderRepository orders;

    PaymentsController(PaymentOrderRepository orders) {
        this.orders = orders;
    }

    /** Only the owner's orders are returned: another citizen's dossier code yields an empty list. */
    @Operation(summary = "The calling citizen's payment orders for one of their dossiers")
    @GetMapping
    @PreAuthorize("hasRole('citizen')")
    List<PaymentView> forDossier(@RequestParam("dossier") @NotBlank @Size(max = 64) String dossierCode, Caller caller) {
        if (caller.citizenId() == null) {
            return List.of();
        }
        return orders.findByDossierCodeAndOwnerCitizenIdOrderByRequestedAt(dossierCode, caller.citizenId()).stream()
                .map(PaymentView::of).toList();
    }
}
