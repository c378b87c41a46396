package vn.motcua.postal.remittances;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.postal.tracking.S10;

@RestController
@RequestMapping("/api/v1/remittances")
class RemittancesController {
    private static final int MAX_ITEMS = 5_000;

    private final Remittances remittances;
    private final RemittanceRepository repository;

    RemittancesController(Remittances remittances, RemittanceRepository repository) {
        this.remittances = remittances;
        this.repository = repository;
    }

    /**
     * @param batchId the operator's own id of the batch: the same batch sent again is answered, not counted again
     * @param total the batch's total, which must be the sum of its items
     */
    record BatchRequest(String batchId, LocalDate day, Long total, List<ItemRequest> items) {
    }

    record ItemRequest(String shipmentId, String itemId, Long amount, String receiptNumber) {
    }

    @Operation(summary = "The operator pays over the cash it collected on delivery (its daily batch); each item is"
            + " reconciled against the collection reported on that shipment, discrepancies listed")
    @ApiResponse(responseCode = "201", description = "Recorded and reconciled; Location names the batch",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "This batch was recorded before: the batch as recorded",
            useReturnTypeSchema = true)
    @PostMapping
    @PreAuthorize("hasRole('postal-operator')")
    ResponseEntity<RemittanceView> remit(@RequestBody BatchRequest request, Caller caller) {
        List<Remittance.Item> items = validItems(request);
        Remittances.Received received = remittances.receive(caller.clientId(), request.batchId(), request.day(), items);
        RemittanceView view = RemittanceView.of(received.remittance());
        return received.recorded()
                ? ResponseEntity.created(URI.create("/api/v1/remittances/" + request.batchId())).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "One of the calling operator's own batches, by its batch id, with its discrepancies")
    @GetMapping("/{batchId}")
    @PreAuthorize("hasRole('postal-operator')")
    RemittanceView batch(@PathVariable String batchId, Caller caller) {
        // Another operator's batch of the same id is not this caller's: the id is the operator's own.
        return repository.findById(Remittance.idOf(caller.clientId(), batchId)).map(RemittanceView::of)
                .orElseThrow(() -> ApiProblem.notFound("Remittance batch", batchId));
    }

    @Operation(summary = "The calling operator's own remittance batches, newest first, with their discrepancies;"
            + " a page at a time (a page shorter than size is the last)")
    @GetMapping
    @PreAuthorize("hasRole('postal-operator')")
    List<RemittanceView> mine(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Caller caller) {
        return repository.findByOperatorOrderByReceivedAtDesc(caller.clientId(), PageRequest.of(page, size)).stream()
                .map(RemittanceView::of).toList();
    }

    private static List<Remittance.Item> validItems(BatchRequest request) {
        if (request.batchId() == null || !request.batchId().matches("[A-Za-z0-9._:-]{1,64}") || request.day() == null
                || request.total() == null || request.items() == null || request.items().isEmpty()) {
            throw ApiProblem.badRequest("batch-incomplete",
                    "A batch needs batchId (1–64 letters, digits, . _ : -), day, total and at least one item");
        }
        if (request.items().size() > MAX_ITEMS) {
            throw ApiProblem.unprocessable("batch-too-large", "A batch holds at most " + MAX_ITEMS + " items");
        }
        HashSet<String> seen = new HashSet<>();
        List<Remittance.Item> items = request.items().stream().map(item -> {
            if (item == null || item.shipmentId() == null || item.itemId() == null || item.amount() == null || item.amount() <= 0
                    || item.receiptNumber() == null || item.receiptNumber().isBlank() || item.receiptNumber().length() > 64
                    || item.shipmentId().length() > 64) {
                throw ApiProblem.badRequest("batch-item-incomplete",
                        "Each item needs shipmentId, itemId, a positive amount and the receipt number");
            }
            if (!seen.add(item.shipmentId())) {
                throw ApiProblem.unprocessable("batch-item-repeated", "Shipment " + item.shipmentId() + " is in the batch twice");
            }
            return new Remittance.Item(item.shipmentId(), S10.parse(item.itemId()).toString(), item.amount(), item.receiptNumber());
        }).toList();
        long sum = items.stream().mapToLong(Remittance.Item::amount).sum();
        if (sum != request.total()) {
            throw ApiProblem.unprocessable("total-mismatch", "The items add up to " + sum + " đồng, not " + request.total());
        }
        return items;
    }
}
