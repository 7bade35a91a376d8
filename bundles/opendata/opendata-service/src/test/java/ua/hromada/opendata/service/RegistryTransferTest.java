package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.opendata.api.RegistryTransfer.Format;
import ua.hromada.opendata.api.RegistryTransfer.ImportPreview;
import ua.hromada.opendata.api.RegistryTransfer.ImportResult;
import ua.hromada.opendata.api.RegistryTransfer.ImportRow;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.testing.MutableClock;

/** Import with bad rows (CSV and XLSX), nothing saved before the commit, only valid rows saved; export round trip. */
class RegistryTransferTest {
    static final String HEADER = "Ідентифікатор набору даних;Назва набору даних;Опис набору даних;Розпорядник інформації;"
            + "Код ЄДРПОУ розпорядника;Формат (формати);Частота оновлення;Ключові слова;"
            + "Адреса електронної пошти відповідальної особи;Дата внесення останніх змін;Оприлюднено\n";
    private static final String VODOKANAL = OpendataTestSetup.edrpou(3_361_715);

    private OpendataTestSetup setup;
    private DatasetRegistry registry;
    private RegistryTransfer transfer;
    private DataManager council;

    @BeforeEach
    void start() {
        setup = new OpendataTestSetup();
        registry = setup.registry();
        transfer = setup.transfer();
        council = setup.manager("Полтавська міська рада", "24388300");
        setup.dataset(council, "existing-set", "Старий заголовок", false);
    }

    @AfterEach
    void stop() {
        setup.close();
    }

    private long datasets() {
        return registry.countDatasets(setup.viewer, DatasetQuery.all());
    }

    private static byte[] bomUtf8(String text) {
        return Tables.utf8WithBom(text);
    }

    private static Map<Integer, ImportRow> byRow(ImportPreview p) {
        return p.rows().stream().collect(Collectors.toMap(ImportRow::rowNumber, r -> r));
    }

    private static void hasError(ImportRow row, String fragment) {
        assertTrue(row.errors().stream().anyMatch(e -> e.contains(fragment)), row.rowNumber() + ": " + row.errors());
    }

    @Test
    void csvWithBadRowsIsPreviewedThenOnlyValidRowsAreSaved() {
        String csv = HEADER
                + "budget-2026;Бюджет громади на 2026 рік;Показники бюджету;Полтавська міська рада;24388300;CSV, XLSX;Щороку;бюджет, фінанси;budget@example.org;31.12.2025;так\n"
                + "water-meters;Лічильники води;Облік;КП «Полтававодоканал»;" + VODOKANAL + ";CSV;Щомісяця;вода;;2026-01-15;ні\n"
                + "no-title;;Опис;Полтавська міська рада;;CSV;Щороку;;;;\n"
                + "long-title;" + "Д".repeat(255) + ";Опис;Полтавська міська рада;;CSV;Щороку;;;;\n"
                + "bad-frequency;Набір;Опис;Полтавська міська рада;;CSV;Раз на рік;;;;\n"
                + "unknown-manager;Набір;Опис;Невідомий відділ;;CSV;Щороку;;;;\n"
                + "bad-email;Набір;Опис;Полтавська міська рада;;CSV;Щороку;;ivan@@example;;\n"
                + "budget-2026;Дубль;Опис;Полтавська міська рада;;CSV;Щороку;;;;\n"
                + "bad-edrpou;Набір;Опис;Новий відділ;12345670;CSV;Щороку;;;;\n"
                + "existing-set;Новий заголовок;Оновлений опис;Полтавська міська рада;24388300;JSON;Щокварталу;;;;так\n"
                + ";;;;;;;;;;\n"
                + "bad-date;Набір;Опис;Полтавська міська рада;;CSV;DAILY;;;32.13.2025;ні\n";
        long before = datasets();
        int managersBefore = registry.managers(setup.viewer).size();
        ImportPreview preview = transfer.preview(setup.steward, "registry.csv", bomUtf8(csv));

        assertEquals(before, datasets(), "a preview saves nothing");
        assertEquals(managersBefore, registry.managers(setup.viewer).size(), "no manager is created by a preview");
        assertEquals(11, preview.rows().size(), "the blank line is skipped");
        assertEquals(3, preview.valid(), preview.rows().toString());
        Map<Integer, ImportRow> rows = byRow(preview);
        assertTrue(rows.get(2).errors().isEmpty(), rows.get(2).errors().toString());
        assertTrue(rows.get(2).created());
        assertTrue(rows.get(3).errors().isEmpty(), rows.get(3).errors().toString());
        assertEquals("КП «Полтававодоканал»", rows.get(3).managerName());
        hasError(rows.get(4), "Не заповнено обов'язкове поле «Назва набору даних»");
        hasError(rows.get(5), "«Назва набору даних» задовге: дозволено до 254 символів, а введено 255");
        hasError(rows.get(6), "Частоту оновлення «Раз на рік» не розпізнано");
        hasError(rows.get(6), "«Щороку»");
        hasError(rows.get(7), "Розпорядника «Невідомий відділ» немає в реєстрі");
        hasError(rows.get(8), "«ivan@@example» не схоже на адресу електронної пошти");
        hasError(rows.get(9), "Ідентифікатор «budget-2026» уже трапився у файлі в рядку 2");
        hasError(rows.get(10), "Код ЄДРПОУ «12345670» неправильний");
        assertTrue(rows.get(11).errors().isEmpty(), rows.get(11).errors().toString());
        assertFalse(rows.get(11).created(), "an existing identifier updates its dataset");
        hasError(rows.get(13), "«32.13.2025» не є датою");
        for (ImportRow r : preview.rows()) {
            for (String e : r.errors()) {
                assertFalse(e.contains("opendata."), "plain Ukrainian, no keys: " + e);
            }
        }

        ImportResult result = transfer.commit(setup.steward, preview);
        assertEquals(new ImportResult(2, 1, 8, 0, 1), result);
        Dataset budget = registry.datasetByIdentifier("budget-2026").orElseThrow();
        assertEquals(List.of("CSV", "XLSX"), budget.formats());
        assertEquals(UpdateFrequency.YEARLY, budget.frequency());
        assertEquals(List.of("бюджет", "фінанси"), budget.keywords());
        assertEquals(LocalDate.of(2025, 12, 31), budget.lastModified());
        assertTrue(budget.published());
        assertEquals(council.id(), budget.managerId());
        Dataset water = registry.datasetByIdentifier("water-meters").orElseThrow();
        DataManager vodokanal = registry.manager(water.managerId()).orElseThrow();
        assertEquals(VODOKANAL, vodokanal.edrpou(), "manager created from the file's name and ЄДРПОУ");
        assertEquals(LocalDate.of(2026, 1, 15), water.lastModified());
        Dataset existing = registry.datasetByIdentifier("existing-set").orElseThrow();
        assertEquals("Новий заголовок", existing.title());
        assertEquals(UpdateFrequency.QUARTERLY, existing.frequency());
        assertTrue(registry.datasetByIdentifier("no-title").isEmpty());
        assertTrue(registry.datasetByIdentifier("bad-frequency").isEmpty());
        assertEquals(before + 2, datasets());
        assertTrue(setup.audit().stream().anyMatch(e -> e.entityType().equals("registry-import")
                && e.changes().contains("створено 2, оновлено 1")));

        OpendataException again = assertThrows(OpendataException.class, () -> transfer.commit(setup.steward, preview));
        assertEquals("opendata.error.import.expired", again.messageKey(), "a preview is used once");
    }

    @Test
    void previewsBelongToTheirAuthorAndExpire() {
        MutableClock clock = new MutableClock();
        RegistryTransferImpl timed = new RegistryTransferImpl(setup.registryImpl(), clock);
        String csv = HEADER + "fresh-set;Набір;Опис;Полтавська міська рада;24388300;CSV;Щороку;;;;\n";
        ImportPreview p = timed.preview(setup.steward, "a.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("opendata.error.import.expired",
                assertThrows(OpendataException.class, () -> timed.commit(setup.admin, p)).messageKey());
        clock.advance(RegistryTransferImpl.PREVIEW_TTL.plus(Duration.ofSeconds(1)));
        assertEquals("opendata.error.import.expired",
                assertThrows(OpendataException.class, () -> timed.commit(setup.steward, p)).messageKey());
        assertTrue(registry.datasetByIdentifier("fresh-set").isEmpty());
        assertEquals(OpendataException.Reason.FORBIDDEN,
                assertThrows(OpendataException.class, () -> timed.preview(setup.viewer, "a.csv", csv.getBytes())).reason());
    }

    @Test
    void commaSeparatedWindows1251AndAliasHeaders() {
        String csv = "Ідентифікатор,Назва,Розпорядник,Частота оновлення набору даних,Ключові слова,Структура набору даних\n"
                + "\"schools\",\"Заклади освіти, школи\",\"Полтавська міська рада\",Щотижня,\"освіта, школи\","
                + "\"id|integer|Номер|так; name|string|Назва|ні\"\n";
        ImportPreview p = transfer.preview(setup.steward, "schools.csv", csv.getBytes(Charset.forName("windows-1251")));
        assertEquals(1, p.valid(), p.rows().toString());
        transfer.commit(setup.steward, p);
        Dataset d = registry.datasetByIdentifier("schools").orElseThrow();
        assertEquals("Заклади освіти, школи", d.title());
        assertEquals(List.of("освіта", "школи"), d.keywords());
        assertEquals(2, d.structure().size());
        assertTrue(d.structure().get(0).required());
        assertEquals("Номер", d.structure().get(0).title());
        assertEquals("integer", d.structure().get(0).type());
    }

    @Test
    void notATable() {
        assertEquals("opendata.error.import.noHeader", assertThrows(OpendataException.class,
                () -> transfer.preview(setup.steward, "report.pdf", "%PDF-1.4 binary".getBytes())).messageKey());
        assertEquals("opendata.error.import.unreadable", assertThrows(OpendataException.class,
                () -> transfer.preview(setup.steward, "old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0,
                    (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0})).messageKey());
        assertEquals("opendata.error.import.noRows", assertThrows(OpendataException.class,
                () -> transfer.preview(setup.steward, "empty.csv", HEADER.getBytes(StandardCharsets.UTF_8))).messageKey());
        assertEquals("opendata.error.emptyFile", assertThrows(OpendataException.class,
                () -> transfer.preview(setup.steward, "empty.csv", new byte[0])).messageKey());
    }

    @Test
    void xlsxWithBadRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet(Tables.DATASETS_SHEET);
        String[] headers = {Passport.IDENTIFIER, Passport.TITLE, Passport.MANAGER, Passport.MANAGER_EDRPOU, Passport.FREQUENCY,
            Passport.LAST_MODIFIED, Passport.PUBLISHED};
        for (int c = 0; c < headers.length; c++) {
            ws.value(0, c, headers[c]);
        }
        // ЄДРПОУ typed as a number loses its leading zero; a real date cell
        Object[][] rows = {
            {"land-lease", "Договори оренди землі", "Управління земельних ресурсів", new BigDecimal("4052206"), "Щокварталу",
                LocalDate.of(2026, 3, 31), "так"},
            {"bad-one", "Набір", "Полтавська міська рада", null, "щогодини", LocalDate.of(2026, 1, 1), "може"},
            {"BAD ID", "Набір", "Полтавська міська рада", null, "Щороку", null, "ні"},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof LocalDate d) {
                    ws.value(r + 1, c, d);
                    ws.style(r + 1, c).format("dd.mm.yyyy").set();
                } else if (v instanceof BigDecimal n) {
                    ws.value(r + 1, c, n);
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        long before = datasets();
        ImportPreview p = transfer.preview(setup.steward, "registry.xlsx", out.toByteArray());
        assertEquals(before, datasets());
        Map<Integer, ImportRow> byRow = byRow(p);
        assertTrue(byRow.get(2).errors().isEmpty(), byRow.get(2).errors().toString());
        hasError(byRow.get(3), "Частоту оновлення «щогодини» не розпізнано");
        hasError(byRow.get(3), "«може» — вкажіть «так» або «ні»");
        hasError(byRow.get(4), "Ідентифікатор «bad id»");
        assertEquals(new ImportResult(1, 0, 2, 0, 1), transfer.commit(setup.steward, p));
        Dataset lease = registry.datasetByIdentifier("land-lease").orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 31), lease.lastModified());
        assertEquals("04052206", registry.manager(lease.managerId()).orElseThrow().edrpou());
        assertTrue(lease.published());
    }

    @Test
    void exportThenImportHasNoErrors() throws IOException {
        DataManager transport = setup.manager("Управління транспорту", OpendataTestSetup.edrpou(5_000_001));
        Dataset stops = setup.dataset(transport, "bus-stops", "Зупинки; «лапки», кома", true);
        registry.upload(setup.steward, stops.id(), null, null, "stops.csv", "id;name\n1;Центр\n".getBytes(StandardCharsets.UTF_8));
        registry.addLink(setup.steward, stops.id(), "API", "JSON", "https://api.example.org/stops");
        long obligation = registry.obligations().get(0).id();
        Dataset withObligation = setup.dataset(council, "system-of-records", "Система обліку", false);
        registry.saveDataset(setup.steward, new Dataset(withObligation.id(), withObligation.identifier(), withObligation.title(),
                withObligation.description(), "uk", List.of("CSV"), "zip", withObligation.firstPublishedAt(),
                withObligation.lastModifiedAt(), withObligation.actualityDate(), UpdateFrequency.ON_CHANGE,
                withObligation.keywords(), withObligation.links(), null, null, null, null, council.id(), null, List.of(),
                withObligation.structure(), obligation, false, null, null));
        List<Dataset> before = registry.datasets(setup.viewer, DatasetQuery.all());

        for (Format format : Format.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transfer.export(setup.viewer, format, out);
            byte[] file = out.toByteArray();
            Map<String, Tables.Table> tables;
            try {
                tables = Tables.read(transfer.exportFileName(format), file);
            } catch (Tables.NotATable e) {
                throw new AssertionError(e);
            }
            assertEquals(3, tables.size(), format + ": managers, datasets and resources");
            Tables.Table resources = tables.getOrDefault(Tables.RESOURCES_SHEET, tables.get(Tables.RESOURCES_CSV));
            assertEquals(2, resources.lines().size());
            assertTrue(resources.lines().stream().anyMatch(l -> l.cells().contains(DatasetRegistryImpl.sha256(
                    "id;name\n1;Центр\n".getBytes(StandardCharsets.UTF_8)))), format + ": checksum exported");
            Tables.Table managers = tables.getOrDefault(Tables.MANAGERS_SHEET, tables.get(Tables.MANAGERS_CSV));
            assertEquals(registry.managers(setup.viewer).size(), managers.lines().size());

            ImportPreview p = transfer.preview(setup.steward, transfer.exportFileName(format), file);
            assertEquals(before.size(), p.rows().size(), format.toString());
            for (ImportRow r : p.rows()) {
                assertTrue(r.errors().isEmpty(), format + " row " + r.rowNumber() + ": " + r.errors());
                assertFalse(r.created());
            }
            // an unchanged export re-imported changes nothing: no date moves, so harvesters fetch nothing again
            assertEquals(new ImportResult(0, 0, 0, before.size(), 0), transfer.commit(setup.steward, p));
            assertEquals(List.of(), p.newManagers());
            List<Dataset> after = registry.datasets(setup.viewer, DatasetQuery.all());
            assertEquals(before, after, format + ": the passports, their dates and versions survive the round trip");
        }
        assertEquals(OpendataException.Reason.FORBIDDEN, assertThrows(OpendataException.class,
                () -> transfer.export(setup.stranger, Format.CSV, new ByteArrayOutputStream())).reason());
    }

    /**
     * An XLSX-like ZIP whose worksheet part inflates 50 MB from ~50 KB is refused before the
     * workbook parser holds it (issue 10, finding 5); nothing is previewed or saved.
     */
    @Test
    void zipBombWorkbookIsRefusedBeforeParsing() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bytes)) {
            z.setLevel(9);
            z.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            z.write(new byte[50 * 1024 * 1024]);
        }
        assertTrue(bytes.size() < 200 * 1024, "a small file: " + bytes.size());
        List<Dataset> before = registry.datasets(setup.viewer, DatasetQuery.all());
        OpendataException e = assertThrows(OpendataException.class,
                () -> transfer.preview(setup.steward, "bomba.xlsx", bytes.toByteArray()));
        assertEquals("opendata.error.import.unpacksTooLarge", e.messageKey());
        assertEquals("bomba.xlsx", e.args()[0]);
        assertEquals(registry.datasets(setup.viewer, DatasetQuery.all()).size(), before.size());
        // over the import size limit (20 MB by default): refused by its size alone
        assertEquals("opendata.error.uploadTooLarge", assertThrows(OpendataException.class,
                () -> transfer.preview(setup.steward, "large.csv", new byte[21 * 1024 * 1024])).messageKey());
    }

    /**
     * Issue 20, item 24: the CSV export (a ZIP) is imported into an empty registry: every manager of
     * managers.csv comes back with its details and parent body, also one without datasets, and the
     * preview announces them before anything is saved.
     */
    @Test
    void csvZipExportIsImportedIntoAnEmptyRegistryWithItsManagers() throws IOException {
        DataManager transport = setup.manager("Управління транспорту", OpendataTestSetup.edrpou(5_000_001));
        String depotCode = OpendataTestSetup.edrpou(5_000_002);
        registry.saveManager(setup.steward, new DataManager(0, "Трамвайне депо", depotCode, "Марія Диспетчерка",
                "depot@example.org", "+380 532 111111", transport.id(), null));
        Dataset stops = setup.dataset(transport, "bus-stops", "Зупинки", true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.export(setup.viewer, Format.CSV, out);

        try (OpendataTestSetup empty = new OpendataTestSetup()) {
            ImportPreview p = empty.transfer().preview(empty.steward, transfer.exportFileName(Format.CSV), out.toByteArray());
            assertEquals(2, p.rows().size());
            for (ImportRow r : p.rows()) {
                assertTrue(r.errors().isEmpty() && r.created(), r.rowNumber() + ": " + r.errors());
            }
            assertEquals(List.of("Полтавська міська рада (ЄДРПОУ 24388300)", "Трамвайне депо (ЄДРПОУ " + depotCode + ")",
                    "Управління транспорту (ЄДРПОУ " + OpendataTestSetup.edrpou(5_000_001) + ")"), p.newManagers());
            assertTrue(empty.registry().managers(empty.viewer).isEmpty(), "nothing saved before the commit");

            assertEquals(new ImportResult(2, 0, 0, 0, 3), empty.transfer().commit(empty.steward, p));
            DataManager depot = empty.registry().managers(empty.viewer).stream()
                    .filter(m -> m.name().equals("Трамвайне депо")).findFirst().orElseThrow();
            assertEquals("Марія Диспетчерка", depot.responsiblePerson());
            assertEquals("depot@example.org", depot.email());
            assertEquals("+380 532 111111", depot.phone());
            assertEquals("Управління транспорту", depot.parentName());
            Dataset copy = empty.registry().datasetByIdentifier("bus-stops").orElseThrow();
            assertEquals(stops.title(), copy.title());
            assertEquals(stops.firstPublished(), copy.firstPublished());
            assertEquals(stops.structure(), copy.structure());
            assertTrue(copy.published());
            assertEquals("Управління транспорту", copy.managerName());
        }
    }
}
