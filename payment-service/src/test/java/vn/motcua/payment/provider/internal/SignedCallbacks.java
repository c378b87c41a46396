package vn.motcua.payment.provider.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.payment.ProviderSimulatorProcess;

/** Notifications as the provider signs them, for tests that play the provider's part themselves (replays, forgeries, races). */
public final class SignedCallbacks {
    private SignedCallbacks() {
    }

    /** @param amount in đồng; the wire carries it × 100 */
    public static Map<String, String> ipn(String reference, long amount, boolean succeeded, String transactionNo) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vnp_TmnCode", ProviderSimulatorProcess.TMN_CODE);
        p.put("vnp_Amount", Long.toString(amount * 100));
        p.put("vnp_BankCode", "NCB");
        p.put("vnp_CardType", "ATM");
        p.put("vnp_OrderInfo", "Thanh toan phi ho so");
        p.put("vnp_PayDate", "20261124100000");
        p.put("vnp_ResponseCode", succeeded ? "00" : "24");
        p.put("vnp_TransactionNo", transactionNo);
        p.put("vnp_TransactionStatus", succeeded ? "00" : "02");
        p.put("vnp_TxnRef", reference);
        p.put(VnpayChecksum.HASH, new VnpayChecksum(ProviderSimulatorProcess.SECRET).ofQuery(p));
        return p;
    }

    /** The parameters as the query string the provider calls the IPN URL with. */
    public static String query(Map<String, String> parameters) {
        return VnpayChecksum.canonicalQuery(parameters) + "&" + VnpayChecksum.HASH + "=" + parameters.get(VnpayChecksum.HASH);
    }
}
