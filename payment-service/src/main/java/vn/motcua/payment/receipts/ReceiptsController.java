package vn.motcua.payment.receipts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.events.dossier.PricedFeeLine;
import vn.motcua.kit.print.FormPrinter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.receipts.internal.AmountInWords;

/** The e-receipt (biên lai điện tử) of a completed payment, as a PDF in Vietnamese, for its owner and its agency. */
@RestController
@RequestMapping("/api/v1/payments")
class ReceiptsController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(CivilTime.VIETNAM);
    private static final String[] HEADER = {"STT", "Khoản thu", "Cách tính", "Số lượng", "Đơn giá (đồng)", "Thành tiền (đồng)"};

    private final Orders orders;
    private final FormPrinter printer = new FormPrinter();

    ReceiptsController(Orders orders) {
        this.orders = orders;
    }

    @Operation(summary = "The receipt of a completed payment as a PDF (its owner, the agency's staff, ops); 409 while the payment"
            + " is not completed or its receipt not yet numbered")
    @ApiResponse(responseCode = "200", description = "The receipt, a PDF in Vietnamese", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The payment is not completed, or its receipt not yet numbered")
    @GetMapping(value = "/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'specialist', 'leader', 'ops')")
    ResponseEntity<byte[]> receipt(@PathVariable String id, Caller caller) {
        PaymentOrder order = orders.readableBy(id, caller);
        if (order.receiptNumber() == null) {
            throw ApiProblem.conflict("receipt-not-issued", order.completedAt() == null ? "This order has not been paid"
                    : "The receipt is being numbered; ask again in a moment").with("currentStatus", order.status().name());
        }
        byte[] pdf = printer.print(form(order));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bien-lai-" + order.receiptNumber().replace('/', '-') + ".pdf\"")
                .body(pdf);
    }

    private static FormPrinter.Form form(PaymentOrder order) {
        String agency = order.agencyCode() == null ? "Cơ quan giải quyết" : "Cơ quan giải quyết " + order.agencyCode();
        List<String[]> lines = new ArrayList<>();
        int slash = order.receiptNumber().lastIndexOf('/');
        lines.add(new String[] {"Ký hiệu", order.receiptNumber().substring(0, slash)});
        lines.add(new String[] {"Số", order.receiptNumber().substring(slash + 1)});
        lines.add(new String[] {"Người nộp (số định danh cá nhân)", order.ownerCitizenId()});
        lines.add(new String[] {"Hồ sơ", order.dossierCode() + (order.procedureCode() == null ? "" : " — thủ tục " + order.procedureCode())});
        lines.add(new String[] {"Hình thức thanh toán", switch (order.method()) {
            case CASH_ON_DELIVERY -> "Tiền mặt qua bưu điện (phiếu thu " + order.paidReference() + ")";
            case CASH_AT_COUNTER -> "Tiền mặt tại bộ phận một cửa (cán bộ thu " + order.paidReference() + ")";
            case ONLINE -> "Trực tuyến (mã giao dịch " + order.paidReference() + ")";
        }});
        lines.add(new String[] {"Thời điểm thanh toán", WHEN.format(order.completedAt())});
        lines.add(new String[] {"Tổng số tiền", AmountInWords.figures(order.amount()) + " đồng"});
        lines.add(new String[] {"Bằng chữ", AmountInWords.dong(order.amount())});
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (PricedFeeLine line : order.lines()) {
            rows.add(new String[] {Integer.toString(n++), "LE_PHI".equals(line.kind()) ? "Lệ phí" : "PHI".equals(line.kind()) ? "Phí"
                    : "Nghĩa vụ tài chính", basis(line), Integer.toString(line.quantity()), AmountInWords.figures(line.appliedUnitPrice()), AmountInWords.figures(line.amount())});
        }
        return new FormPrinter.Form(agency, "", "BIÊN LAI THU PHÍ, LỆ PHÍ", lines,
                new FormPrinter.Table(HEADER, new float[] {0.5f, 1.6f, 1.4f, 0.8f, 1.3f, 1.3f}, rows),
                "Biên lai điện tử do hệ thống Một Cửa phát hành; có giá trị như biên lai giấy.");
    }

    private static String basis(PricedFeeLine line) {
        return switch (line.basis()) {
            case DOSSIER -> "Theo hồ sơ";
            case COPY -> "Theo bản sao";
            case PAGE -> "Theo trang";
            case SET_BY_OFFICER -> "Theo thông báo của cơ quan";
        };
    }

}
