package ua.hromada.crm.service.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Tables as the sheets of one XLSX workbook (FastExcel): a bold header row, then the rows; numbers
 * stay numbers so a spreadsheet sums them. The analytics and the load plan export through it.
 */
public final class XlsxTables {

    /** One sheet: its name (cut to Excel's 31 characters), the header and the rows' values. */
    public record Table(String sheet, List<String> headers, List<List<Object>> rows) {
    }

    private XlsxTables() {
    }

    public static byte[] write(List<Table> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Hromada", "1.0");
            for (Table table : tables) {
                Worksheet sheet = workbook.newWorksheet(sheetName(table.sheet()));
                for (int c = 0; c < table.headers().size(); c++) {
                    sheet.value(0, c, table.headers().get(c));
                    sheet.style(0, c).bold().set();
                    sheet.width(c, c == 0 || c == 1 ? 30 : 14);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    List<Object> row = table.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        Object value = row.get(c);
                        if (value instanceof Number n) {
                            sheet.value(r + 1, c, n);
                        } else if (value != null) {
                            sheet.value(r + 1, c, value.toString());
                        }
                    }
                }
                sheet.finish();
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Excel refuses names longer than 31 characters or with []:*?/\ in them. */
    static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return clean.length() > 31 ? clean.substring(0, 31) : clean.isEmpty() ? "Sheet" : clean;
    }
}
