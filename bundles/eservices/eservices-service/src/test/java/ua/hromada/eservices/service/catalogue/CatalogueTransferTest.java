package ua.hromada.eservices.service.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.CatalogueImport;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.ImportProblem;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.api.TransferFormat;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.api.PortalException.Reason;

/** Export and import of the catalogue, CSV and XLSX, with the preview's row problems and all-or-nothing. */
class CatalogueTransferTest {
    @AutoClose
    private final EservicesTestSetup setup = new EservicesTestSetup();
    private final CatalogueTransferImpl transfer = setup.transfer();

    @BeforeEach
    void shipped() {
        setup.database().tx(ShippedCatalogue::seedIfNew);
    }

    private List<EService> all() {
        return setup.catalogue().list(ServiceQuery.ALL, 0, 500);
    }

    @Test
    void csvAndXlsxExportsImportBackToTheSameCatalogue() {
        for (TransferFormat format : TransferFormat.values()) {
            List<EService> before = all();
            byte[] file = transfer.export(setup.editor, format);
            CatalogueImport preview = transfer.preview(setup.editor, "catalogue." + format.extension(), file);
            assertEquals(List.of(), preview.problems(), format.name());
            assertEquals(0, preview.created());
            assertEquals(ShippedCatalogue.size(), preview.updated());
            int audited = setup.audit().entries().size();
            assertEquals(ShippedCatalogue.size(), transfer.apply(setup.editor, preview));
            List<EService> after = all();
            assertEquals(before.stream().map(ServiceTransferView::of).toList(),
                    after.stream().map(ServiceTransferView::of).toList(), format.name());
            assertEquals(audited, setup.audit().entries().size(), "rows that change nothing leave no audit entry");
        }
    }

    /** The fields a file carries (ids and versions are the database's). */
    private record ServiceTransferView(String code, String name, String description, String url, Long category,
            List<Long> situations, Audience audience, ProviderKind provider, ServiceStatus status, int position) {
        static ServiceTransferView of(EService s) {
            return new ServiceTransferView(s.code(), s.name(), s.description(), s.url(), s.categoryId(),
                    s.situationIds(), s.audience(), s.provider(), s.status(), s.position());
        }
    }

    @Test
    void aFileWithBadRowsIsPreviewedWithItsProblemsAndNotApplied() {
        String csv = "code;name;url;category;situations;audience;status\n"
                + "new-one;Нова послуга;https://example.org/new;education;child;BUSINESS;\n"
                + "diia;Дія (оновлено);https://diia.gov.ua/;administrative;documents, child;both;active\n"
                + "x;;not an address;nowhere;child, mars;ALIENS;\n"
                + "new-one;Двійник;https://example.org/twin;;;;\n";
        CatalogueImport preview = transfer.preview(setup.editor, "services.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertFalse(preview.applicable());
        assertEquals(List.of(4, 4, 4, 4, 4, 4, 5),
                preview.problems().stream().map(ImportProblem::row).toList());
        assertEquals(List.of("category", "situations", "audience", "code", "name", "url", "code"),
                preview.problems().stream().map(ImportProblem::column).toList());
        assertTrue(preview.problems().get(1).args().contains("mars"));
        assertEquals("eservices.catalogue.import.duplicate", preview.problems().get(6).messageKey());
        int audited = setup.audit().entries().size();
        assertEquals(Reason.INVALID, assertThrows(EservicesException.class,
                () -> transfer.apply(setup.editor, preview)).reason());
        assertEquals(ShippedCatalogue.size(), all().size());
        assertEquals(audited, setup.audit().entries().size());

        // the good rows alone: one new service at the end, one updated
        String good = csv.lines().limit(3).reduce((a, b) -> a + "\n" + b).orElseThrow();
        CatalogueImport ok = transfer.preview(setup.editor, "services.csv", good.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), ok.problems());
        assertEquals(1, ok.created());
        assertEquals(1, ok.updated());
        assertEquals(2, transfer.apply(setup.editor, ok));
        EService added = all().get(all().size() - 1);
        assertEquals("new-one", added.code());
        assertEquals(Audience.BUSINESS, added.audience());
        assertEquals("Дія (оновлено)", setup.catalogue().list(ServiceQuery.text("diia"), 0, 1).get(0).name());
        assertEquals(List.of("import", "import"), setup.audit().entries().subList(audited, audited + 2).stream()
                .map(e -> e.action()).toList());
    }

    @Test
    void aPreviewThatNoLongerFitsTheCatalogueIsRefusedWhole() {
        String csv = "code,name,url,category\nfirst,Перша,https://example.org/1,\nsecond,Друга,https://example.org/2,education\n";
        CatalogueImport preview = transfer.preview(setup.editor, "services.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertTrue(preview.applicable());
        var education = setup.catalogue().categories().stream().filter(c -> c.code().equals("education")).findFirst()
                .orElseThrow();
        // the category the second row names goes away before the preview is applied
        setup.catalogue().list(new ServiceQuery(null, education.id(), null, null, null, null, null, false), 0, 50)
                .forEach(s -> setup.catalogue().delete(setup.editor, s.id(), s.version()));
        setup.catalogue().deleteCategory(setup.editor, education.id(), education.version());
        assertEquals(Reason.CONFLICT, assertThrows(EservicesException.class,
                () -> transfer.apply(setup.editor, preview)).reason());
        assertTrue(setup.catalogue().list(ServiceQuery.text("first"), 0, 5).isEmpty(), "nothing applied");
    }

    @Test
    void filesThatAreNotTablesOrLackColumnsAreRefusedInWords() throws Exception {
        assertEquals("eservices.catalogue.import.missingColumns", transfer.preview(setup.editor, "a.csv",
                "name;url\nA;https://a.example\n".getBytes(StandardCharsets.UTF_8)).problems().get(0).messageKey());
        assertEquals("eservices.catalogue.import.unreadable", transfer.preview(setup.editor, "a.xlsx",
                "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1)).problems().get(0).messageKey());
        assertEquals("eservices.catalogue.import.noRows", transfer.preview(setup.editor, "a.csv",
                "code;name;url\n".getBytes(StandardCharsets.UTF_8)).problems().get(0).messageKey());
        assertEquals("eservices.catalogue.import.empty",
                transfer.preview(setup.editor, "a.csv", new byte[0]).problems().get(0).messageKey());
        assertEquals(Reason.FORBIDDEN, assertThrows(EservicesException.class,
                () -> transfer.export(setup.stranger, TransferFormat.CSV)).reason());
        byte[] workbook = transfer.export(setup.editor, TransferFormat.XLSX);
        assertTrue(transfer.preview(setup.editor, "fine.xlsx", workbook).applicable());
        assertEquals("eservices.catalogue.import.unreadable", transfer.preview(setup.editor, "bomb.xlsx", bomb(workbook))
                .problems().get(0).messageKey(), "the same workbook with a part unpacking to more than allowed");
    }

    /** The workbook's parts and one more that unpacks to 60 MB of zeros (a few kilobytes packed). */
    private static byte[] bomb(byte[] workbook) throws java.io.IOException {
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("catalogue-", ".xlsx");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            java.nio.file.Files.write(copy, workbook);
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
                    java.util.zip.ZipFile in = new java.util.zip.ZipFile(copy.toFile())) {
                for (var e : java.util.Collections.list(in.entries())) {
                    zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    try (var part = in.getInputStream(e)) {
                        part.transferTo(zip);
                    }
                    zip.closeEntry();
                }
                zip.putNextEntry(new java.util.zip.ZipEntry("xl/media/padding.bin"));
                byte[] zeros = new byte[1024 * 1024];
                for (int i = 0; i < 60; i++) {
                    zip.write(zeros);
                }
                zip.closeEntry();
            }
        } finally {
            java.nio.file.Files.deleteIfExists(copy);
        }
        return out.toByteArray();
    }
}
