package ua.hromada.gis.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

import ua.hromada.gis.exchange.ExportColumn;
import ua.hromada.gis.exchange.ExportFeature;
import ua.hromada.gis.exchange.ExportLayer;

/**
 * CSV for Excel and for re-import: UTF-8 with a byte order mark (else Excel reads it as
 * Windows-1251), ';' separators (the list separator of a Ukrainian Windows, so Excel splits the
 * columns), the geometry as WKT in the first column, then the attributes by name.
 */
final class CsvWriter {
    static final String WKT_HEADER = "WKT";

    void write(ExportLayer layer, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").build();
        CSVPrinter csv = new CSVPrinter(writer, format);
        List<String> header = new ArrayList<>();
        header.add(WKT_HEADER);
        layer.columns().forEach(c -> header.add(c.name()));
        csv.printRecord(header);
        WKTWriter wkt = new WKTWriter();
        for (ExportFeature f : layer.features()) {
            List<String> record = new ArrayList<>();
            Geometry g = ExportValues.geometry(f.geometry());
            record.add(g == null ? "" : wkt.write(g));
            for (ExportColumn c : layer.columns()) {
                record.add(ExportValues.text(f.values().get(c.name())));
            }
            csv.printRecord(record);
        }
        csv.flush();
    }
}
