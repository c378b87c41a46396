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
import vn.motcua.kit.print.FormPrinter;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.security.Caller;
import vn.motcua.kit.time.CivilTime;
import vn.motcua.payment.ordering.CashBack;
import vn.motcua.payment.ordering.Orders;
import vn.motcua.payment.ordering.PaymentMethodWords;
import vn.motcua.payment.ordering.PaymentOrder;
import vn.motcua.payment.receipts.internal.AmountInWords;

/**
 * The voucher for cash the agency hands back to a citizen at its counter (ADR 0070): printed by the officer, signed by the
 * citizen as they take the money, and kept with the day's cash book as the proof of what left the drawer.
 */
@RestController
@RequestMapping("/api/v1/payments")
class CashVoucherController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(CivilTime.VIETNAM);
    private static final String[] HEADER = {"STT", "Nội dung hoàn trả", "Tiền đã nộp qua", "Số tiền (đồng)", "Đã chi"};

    private final Orders orders;
    private final FormPrinter printer = new FormPrinter();

    CashVoucherController(Orders orders) {
        this.orders = orders;
    }

    @Operation(summary = "The voucher for cash the counter hands back on an order, as a PDF for the citizen to sign (its owner,"
            + " the agency's staff, ops): what goes back and why, the total in words and, once handed over, by whom and when;"
            + " 409 no-cash-owed for an order that sends no cash back")
    @ApiResponse(responseCode = "200", description = "The voucher, a PDF in Vietnamese", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The order sends no cash back to the citizen at the counter")
    @GetMapping(value = "/{id}/cash-voucher", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('citizen', 'officer', 'specialist', 'leader', 'ops')")
    ResponseEntity<byte[]> voucher(@PathVariable String id, Caller caller) {
        PaymentOrder order = orders.readableBy(id, caller);
        List<CashBack> back = order.cashBack();
        if (back.isEmpty()) {
            throw ApiProblem.conflict("no-cash-owed", "This order sends no cash back to the citizen at the counter")
                    .with("currentStatus", order.status().name());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"phieu-chi-" + order.id() + ".pdf\"")
                .body(printer.print(form(order, back)));
    }

    private static FormPrinter.Form form(PaymentOrder order, List<CashBack> back) {
        long total = back.stream().mapToLong(CashBack::amount).sum();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Người nhận (số định danh cá nhân)", order.ownerCitizenId()});
        lines.add(new String[] {"Hồ sơ", order.dossierCode() + (order.procedureCode() == null ? "" : " — thủ tục " + order.procedureCode())});
        lines.add(new String[] {"Khoản thanh toán", order.id() + (order.receiptNumber() == null ? "" : " (biên lai " + order.receiptNumber() + ")")});
        lines.add(new String[] {"Tổng số tiền hoàn trả", AmountInWords.figures(total) + " đồng"});
        lines.add(new String[] {"Bằng chữ", AmountInWords.dong(total)});
        List<String[]> rows = new ArrayList<>();
        int n = 1;
        for (CashBack cash : back) {
            rows.add(new String[] {Integer.toString(n++), cash.reason(), PaymentMethodWords.of(cash.paidBy()), AmountInWords.figures(cash.amount()), cash.owed() ? "Chưa chi" : WHEN.format(cash.paidOut().at()) + ", cán bộ " + cash.paidOut().officer()});
        }
        String agency = order.agencyCode() == null ? "Cơ quan giải quyết" : "Cơ quan giải quyết " + order.agencyCode();
        return new FormPrinter.Form(agency, "", "PHIẾU CHI HOÀN TRẢ PHÍ, LỆ PHÍ", lines,
                new FormPrinter.Table(HEADER, new float[] {0.5f, 2.8f, 1.6f, 1.1f, 2.0f}, rows),
                "Người nhận tiền (ký, ghi rõ họ tên): ..............................................\n\n"
                        + "Cán bộ chi tiền (ký, ghi rõ họ tên): ..............................................");
    }

}
