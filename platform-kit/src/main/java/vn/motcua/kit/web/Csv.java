package vn.motcua.kit.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV as spreadsheet programs open it: UTF-8 with a byte-order mark (so Vietnamese shows right),
 * CRLF line ends, every field quoted; and the answer that offers it as a file to save, which every service's exports
 * (registers, control slips, statistics, cash books) give.
 */
public final class Csv {
    private Csv() {
    }

    public static byte[] of(String[] header, List<String[]> rows) {
        String body = Stream.concat(Stream.<String[]>of(header), rows.stream())
                .map(row -> Stream.of(row).map(Csv::field).collect(Collectors.joining(",")) + "\r\n")
                .collect(Collectors.joining());
        return ("\uFEFF" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** The body as a CSV attachment named {@code fileName}. */
    public static ResponseEntity<byte[]> attachment(String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would be run as a formula by the spreadsheet: keep it text.
        String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?\\d+(\\.\\d+)?$") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
