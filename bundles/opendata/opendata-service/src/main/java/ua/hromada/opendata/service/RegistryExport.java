package ua.hromada.opendata.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.RegistryTransfer.Format;
import ua.hromada.opendata.api.Resource;

/**
 * The export of the registry in the form its import reads back: managers, datasets (one column
 * per passport field, {@link Column}) and resources, as sheets of a workbook or CSV files in a ZIP.
 */
final class RegistryExport {
    /** A passport date and time in the CSV export, as the import reads it back (the community's clock). */
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] MANAGER_HEADERS = {Passport.MANAGER_NAME, Passport.EDRPOU, Passport.MANAGER_RESPONSIBLE,
        Passport.MANAGER_EMAIL, Passport.PHONE, Passport.PARENT};
    private static final String[] RESOURCE_HEADERS = {Passport.IDENTIFIER, Passport.RESOURCE_NAME,
        Passport.RESOURCE_DESCRIPTION, Passport.RESOURCE_FORMAT, Passport.MEDIA_TYPE, Passport.URL, Passport.FILE_NAME,
        Passport.SIZE, Passport.SHA256, Passport.MODIFIED};

    private final DatasetRegistryImpl registry;

    RegistryExport(DatasetRegistryImpl registry) {
        this.registry = registry;
    }

    /** Writes every manager, dataset and resource as an XLSX workbook or a ZIP of CSV files. */
    void write(Format format, OutputStream out) {
        List<DataManager> managers = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        Map<Long, String> obligationCodes = new HashMap<>();
        registry.database().read(c -> {
            managers.addAll(registry.managerStore().managers(c));
            resources.addAll(registry.allResources(c));
            return null;
        });
        for (Obligation o : registry.obligations()) {
            obligationCodes.put(o.id(), o.code());
        }
        Map<Long, DataManager> managerById = managers.stream().collect(Collectors.toMap(DataManager::id, m -> m));
        List<List<Object>> datasetRows = new ArrayList<>();
        Map<Long, String> identifiers = new HashMap<>();
        registry.forEachDataset(d -> {
            identifiers.put(d.id(), d.identifier());
            datasetRows.add(datasetRow(d, managerById.get(d.managerId()), obligationCodes));
        });
        List<List<Object>> managerRows = managers.stream().map(m -> List.<Object>of(m.name(), nz(m.edrpou()),
                nz(m.responsiblePerson()), nz(m.email()), nz(m.phone()), nz(m.parentName()))).toList();
        List<List<Object>> resourceRows = resources.stream().map(r -> List.<Object>of(identifiers.getOrDefault(r.datasetId(), ""),
                r.name(), nz(r.description()), nz(r.format()), nz(r.mediaType()), nz(r.url()), nz(r.fileName()),
                r.size() == null ? "" : r.size(), nz(r.sha256()), r.modified().atOffset(ZoneOffset.UTC).toString())).toList();
        List<String> datasetHeaders = Arrays.stream(Column.values()).map(c -> c.header).toList();
        try {
            if (format == Format.XLSX) {
                Workbook wb = new Workbook(out, "Hromada", "1.0");
                sheet(wb, Tables.DATASETS_SHEET, datasetHeaders, datasetRows);
                sheet(wb, Tables.MANAGERS_SHEET, List.of(MANAGER_HEADERS), managerRows);
                sheet(wb, Tables.RESOURCES_SHEET, List.of(RESOURCE_HEADERS), resourceRows);
                wb.finish();
            } else {
                ZipOutputStream zip = new ZipOutputStream(out);
                csvEntry(zip, Tables.DATASETS_CSV, datasetHeaders, datasetRows);
                csvEntry(zip, Tables.MANAGERS_CSV, List.of(MANAGER_HEADERS), managerRows);
                csvEntry(zip, Tables.RESOURCES_CSV, List.of(RESOURCE_HEADERS), resourceRows);
                zip.finish();
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> datasetRow(Dataset d, DataManager m, Map<Long, String> obligationCodes) {
        Map<Column, Object> v = new EnumMap<>(Column.class);
        v.put(Column.IDENTIFIER, d.identifier());
        v.put(Column.TITLE, d.title());
        v.put(Column.DESCRIPTION, nz(d.description()));
        v.put(Column.MANAGER, d.managerName());
        v.put(Column.MANAGER_EDRPOU, m == null ? "" : nz(m.edrpou()));
        v.put(Column.LANGUAGE, d.language());
        v.put(Column.FORMATS, String.join("; ", d.formats()));
        v.put(Column.COMPRESSION, nz(d.compression()));
        v.put(Column.FIRST_PUBLISHED, d.firstPublishedAt() == null ? "" : d.firstPublishedAt());
        v.put(Column.LAST_MODIFIED, d.lastModifiedAt() == null ? "" : d.lastModifiedAt());
        v.put(Column.ACTUALITY, d.actualityDate() == null ? "" : d.actualityDate());
        v.put(Column.FREQUENCY, d.frequency().label());
        v.put(Column.KEYWORDS, String.join("; ", d.keywords()));
        v.put(Column.LINKS, String.join("; ", d.links()));
        v.put(Column.RESPONSIBLE, nz(d.responsiblePerson()));
        v.put(Column.EMAIL, nz(d.responsibleEmail()));
        v.put(Column.LEGAL_BASIS, nz(d.legalBasis()));
        v.put(Column.PURPOSE, nz(d.purpose()));
        v.put(Column.TAGS, String.join("; ", d.tags()));
        v.put(Column.STRUCTURE, d.structure().stream().map(f -> f.name() + "|" + nz(f.type()) + "|" + nz(f.title()) + "|"
                + (f.required() ? "так" : "ні")).collect(Collectors.joining("; ")));
        v.put(Column.OBLIGATION, d.obligationId() == null ? "" : obligationCodes.getOrDefault(d.obligationId(), ""));
        v.put(Column.PUBLISHED, d.published() ? "так" : "ні");
        return new ArrayList<>(v.values());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void sheet(Workbook wb, String name, List<String> headers, List<List<Object>> rows) {
        Worksheet ws = wb.newWorksheet(name);
        for (int col = 0; col < headers.size(); col++) {
            ws.value(0, col, headers.get(col));
            ws.style(0, col).bold().set();
            ws.width(col, 24);
        }
        ws.freezePane(0, 1);
        int r = 1;
        for (List<Object> row : rows) {
            for (int col = 0; col < row.size(); col++) {
                Object v = row.get(col);
                if (v instanceof LocalDateTime at) {
                    ws.value(r, col, at);
                    ws.style(r, col).format("yyyy-mm-dd hh:mm").set();
                } else if (v instanceof LocalDate date) {
                    ws.value(r, col, date);
                    ws.style(r, col).format("yyyy-mm-dd").set();
                } else if (v instanceof Number n) {
                    ws.value(r, col, n);
                } else if (v != null && !v.toString().isEmpty()) {
                    // a code such as ЄДРПОУ stays text, so its leading zeros survive
                    ws.value(r, col, v.toString());
                }
            }
            r++;
        }
    }

    private static void csvEntry(ZipOutputStream zip, String name, List<String> headers, List<List<Object>> rows)
            throws IOException {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setDelimiter(';').build())) {
            printer.printRecord(headers);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(v -> v instanceof LocalDateTime at ? CSV_TIME.format(at) : v.toString())
                        .toList());
            }
        }
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Tables.utf8WithBom(text.toString()));
        zip.closeEntry();
    }
}
