package vn.motcua.systemtests;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.motcua.localstack.GatewayClient;

/** Uploads a PDF (a small one unless given) as one of a dossier's documents, through the gateway, as multipart form data. */
final class Uploads {
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private Uploads() {
    }

    static HttpResponse<String> pdf(GatewayClient gateway, String code, String kind, String token) throws Exception {
        return pdf(gateway, code, kind, token, PDF);
    }

    static HttpResponse<String> pdf(GatewayClient gateway, String code, String kind, String token, byte[] pdf) throws Exception {
        return pdf(gateway, code, kind, token, pdf, false);
    }

    /** A working file staff keep from the applicant's side (ADR 0050). */
    static HttpResponse<String> internalPdf(GatewayClient gateway, String code, String kind, String token) throws Exception {
        return pdf(gateway, code, kind, token, PDF, true);
    }

    private static HttpResponse<String> pdf(GatewayClient gateway, String code, String kind, String token, byte[] pdf,
            boolean internal) throws Exception {
        String boundary = "motcua-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + (internal ? "--" + boundary + "\r\nContent-Disposition: form-data; name=\"internal\"\r\n\r\ntrue\r\n" : "")
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"giay-to.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        HttpRequest request = gateway.request("/api/v1/dossiers/" + code + "/documents", token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
