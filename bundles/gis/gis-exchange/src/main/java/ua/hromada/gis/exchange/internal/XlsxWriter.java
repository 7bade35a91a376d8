package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTWriter;

import ua.hromada.gis.exchange.ExportColumn;
import ua.hromada.gis.exchange.ExportFeature;
import ua.hromada.gis.exchange.ExportLayer;

/**
 * An XLSX workbook (streamed by FastExcel, as the open-data module's): one sheet named after the
 * layer, the attributes under their labels with numbers and dates as such, then longitude and
 * latitude of a point on the feature (the point itself, else a point inside it) and the WKT.
 */
final class XlsxWriter {
    /** The most characters an Excel cell holds. */
    static final int CELL_LIMIT = 32_767;
    private static final int MAX_SHEET_NAME = 31;

    void write(ExportLayer layer, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Hromada", "1.0");
        Worksheet ws = wb.newWorksheet(sheetName(layer.title()));
        int columns = layer.columns().size();
        for (int c = 0; c < columns; c++) {
            ws.value(0, c, layer.columns().get(c).label());
        }
        ws.value(0, columns, ExportValues.label("gis.exchange.export.longitude"));
        ws.value(0, columns + 1, ExportValues.label("gis.exchange.export.latitude"));
        ws.value(0, columns + 2, CsvWriter.WKT_HEADER);
        ws.range(0, 0, 0, columns + 2).style().bold().set();
        ws.freezePane(0, 1);
        WKTWriter wktWriter = new WKTWriter();
        int r = 1;
        for (ExportFeature f : layer.features()) {
            for (int c = 0; c < columns; c++) {
                ExportColumn column = layer.columns().get(c);
                cell(ws, r, c, f.values().get(column.name()));
            }
            Geometry g = ExportValues.geometry(f.geometry());
            if (g != null && !g.isEmpty()) {
                Point p = g instanceof Point point ? point : g.getInteriorPoint();
                ws.value(r, columns, p.getX());
                ws.value(r, columns + 1, p.getY());
                String wkt = wktWriter.write(g);
                ws.value(r, columns + 2, wkt.length() <= CELL_LIMIT ? wkt : ExportValues.label("gis.exchange.export.wktTooLong"));
            }
            r++;
        }
        wb.finish();
    }

    private static void cell(Worksheet ws, int r, int c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof LocalDate date) {
            ws.value(r, c, date);
            ws.style(r, c).format("dd.mm.yyyy").set();
        } else if (v instanceof BigDecimal d) {
            ws.value(r, c, d);
        } else if (v instanceof Number n) {
            ws.value(r, c, n);
        } else if (v instanceof Boolean b) {
            ws.value(r, c, b);
        } else {
            String text = v.toString();
            ws.value(r, c, text.length() <= CELL_LIMIT ? text : text.substring(0, CELL_LIMIT));
        }
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\ and not blank. */
    static String sheetName(String title) {
        String name = title == null ? "" : title.replaceAll("[\\[\\]:*?/\\\\]", " ").replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            name = ExportValues.label("gis.exchange.export.sheet");
        }
        return name.length() <= MAX_SHEET_NAME ? name : name.substring(0, MAX_SHEET_NAME);
    }
}
