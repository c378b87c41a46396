package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class CsvTest {

    @Test
    void aSpreadsheetReadsVietnameseQuotesAndCommasAndRunsNoFormula() {
        byte[] csv = Csv.of(new String[] {"Mã hồ sơ", "Lý do"}, List.of(new String[] {"H29-0001", "Thu nhầm, \"lệ phí\""},
            new String[] {"=HYPERLINK(\"x\")", null}, new String[] {"-30000", "@SUM(A1)"}));

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"Mã hồ sơ\",\"Lý do\"\r\n"
                + "\"H29-0001\",\"Thu nhầm, \"\"lệ phí\"\"\"\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\r\n"
                + "\"-30000\",\"'@SUM(A1)\"\r\n");
    }

    @Test
    void itIsOfferedAsAFileToSave() {
        ResponseEntity<byte[]> answer = Csv.attachment("so-quy-2026-12-07.csv", new byte[] {1});

        assertThat(answer.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).isEqualTo("attachment; filename=\"so-quy-2026-12-07.csv\"");
    }
}
