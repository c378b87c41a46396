package vn.motcua.kit.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Lays out an administrative form on A4 in the national style (agency and national motto at
 * the top, title, then numbered lines), with an embedded TrueType font that has every
 * Vietnamese letter, so diacritics print and copy correctly on any machine. A service that prints
 * declares OpenPDF and its extra fonts itself: the kit's dependency on them is optional.
 */
public class FormPrinter {
    private final BaseFont regular;
    private final BaseFont bold;

    public FormPrinter() {
        this.regular = font("liberation/LiberationSerif-Regular.ttf");
        this.bold = font("liberation/LiberationSerif-Bold.ttf");
    }

    private static BaseFont font(String resource) {
        try (InputStream in = FormPrinter.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is not on the classpath (openpdf-fonts-extra)");
            }
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, BaseFont.CACHED, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form's content: the agency issuing it, its number and title, label–value lines, an optional table. */
    public record Form(String agencyName, String number, String title, List<String[]> lines, Table table, String closing) {
        public Form(String agencyName, String number, String title, List<String[]> lines, String closing) {
            this(agencyName, number, title, lines, null, closing);
        }
    }

    /** Rows under column headers, each column as wide as its weight says. */
    public record Table(String[] headers, float[] widths, List<String[]> rows) {
    }

    public byte[] print(Form form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(form.number().isBlank() ? form.title() : "Mẫu số " + form.number() + " — " + form.title());
            document.addCreator("Một Cửa");
            document.open();
            document.add(header(form.agencyName()));
            if (!form.number().isBlank()) {
                Paragraph number = new Paragraph("Mẫu số " + form.number(), new Font(regular, 10, Font.ITALIC));
                number.setAlignment(Element.ALIGN_RIGHT);
                document.add(number);
            }
            Paragraph title = new Paragraph(form.title(), new Font(bold, 14));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(12);
            title.setSpacingAfter(14);
            document.add(title);
            Font label = new Font(bold, 11);
            Font value = new Font(regular, 11);
            for (String[] line : form.lines()) {
                Paragraph paragraph = new Paragraph();
                paragraph.add(new Chunk(line[0] + ": ", label));
                paragraph.add(new Chunk(line[1] == null ? "" : line[1], value));
                paragraph.setSpacingAfter(4);
                document.add(paragraph);
            }
            if (form.table() != null) {
                document.add(table(form.table()));
            }
            if (form.closing() != null) {
                Paragraph closing = new Paragraph(form.closing(), new Font(regular, 11, Font.ITALIC));
                closing.setSpacingBefore(12);
                document.add(closing);
            }
            document.close();
            writer.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot lay out form " + form.number(), e);
        }
        return out.toByteArray();
    }

    private PdfPTable table(Table content) throws DocumentException {
        PdfPTable table = new PdfPTable(content.widths());
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        Font head = new Font(bold, 9);
        Font cell = new Font(regular, 9);
        for (String header : content.headers()) {
            table.addCell(new Phrase(header, head));
        }
        for (String[] row : content.rows()) {
            for (String value : row) {
                table.addCell(new Phrase(value == null ? "" : value, cell));
            }
        }
        return table;
    }

    private PdfPTable header(String agencyName) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {1, 1.3f});
        table.setWidthPercentage(100);
        table.getDefaultCell().setBorder(0);
        table.getDefaultCell().setHorizontalAlignment(Element.ALIGN_CENTER);
        table.addCell(new Paragraph(agencyName.toUpperCase(Locale.forLanguageTag("vi")), new Font(bold, 11)));
        Paragraph motto = new Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", new Font(bold, 11));
        table.addCell(motto);
        return table;
    }
}
