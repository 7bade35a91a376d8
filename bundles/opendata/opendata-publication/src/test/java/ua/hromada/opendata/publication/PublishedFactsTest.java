package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.publication.PublicationFixture.Answer;
import ua.hromada.opendata.publication.dcat.CatalogServlet;
import ua.hromada.opendata.publication.dcat.DcatCatalog;
import ua.hromada.opendata.publication.ui.PageQuery;
import ua.hromada.opendata.service.OpendataTestSetup;

/**
 * Issue 20, items 25–27 as harvesters and the public page see them: formats come from the real
 * distributions, a Windows-1251 file is served as such, and the dates of a dataset without a
 * first-publication date neither move nor change their type.
 */
class PublishedFactsTest {
    @AutoClose
    private PublicationFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new PublicationFixture().serve();
    }

    private List<String> names(PageQuery q) {
        Snapshot s = f.publication.snapshot();
        return Arrays.stream(q.run(s).indexes()).mapToObj(i -> s.datasets().get(i).name()).toList();
    }

    /** The passport's fields with other formats and links, saved as the steward's form would. */
    private Dataset resave(Dataset d, List<String> formats, List<String> links, java.time.LocalDateTime firstPublished) {
        Dataset now = f.od.registry().dataset(d.id()).orElseThrow();
        return f.od.registry().saveDataset(f.od.steward, new Dataset(now.id(), now.identifier(), now.title(),
                now.description(), now.language(), formats, now.compression(), firstPublished, now.lastModifiedAt(),
                now.actualityDate(), now.frequency(), now.keywords(), links, now.responsiblePerson(),
                now.responsibleEmail(), now.legalBasis(), now.purpose(), now.managerId(), null, now.tags(),
                now.structure(), now.obligationId(), now.published(), null, null, null, now.version()));
    }

    @Test
    void aFormatThePassportPromisesWithoutAFileIsNotOffered() {
        // budget-2025: no resource, only a link to an API; the passport promises CSV and XLSX
        resave(f.budget2025, List.of("CSV", "XLSX"), List.of("https://api.example.org/budget"), f.budget2025.firstPublishedAt());
        f.publication.registryChanged();
        assertEquals(List.of("kindergartens"), names(new PageQuery(null, null, null, "XLSX", null, 0)),
                "the public «Формат» filter and CKAN's fq=res_format:XLSX: only the dataset with an XLSX file");
        assertFalse(names(new PageQuery(null, null, null, "CSV", null, 0)).contains("budget-2025"));
        PublishedDataset budget = f.publication.snapshot().datasets().stream()
                .filter(p -> p.name().equals("budget-2025")).findFirst().orElseThrow();
        assertEquals(List.of(), budget.formats());
    }

    @Test
    void aWindows1251FileIsServedWithItsCharset() throws Exception {
        byte[] bytes = "рік;видатки\n2026;1000\n".getBytes(Charset.forName("windows-1251"));
        Resource r = f.od.registry().upload(f.od.steward, f.budget2026.id(), "Старий експорт", null, "old.csv", bytes);
        Answer a = f.get(SnapshotBuilder.downloadPath(r.id()));
        assertEquals(200, a.status());
        assertEquals("text/csv; charset=windows-1251", a.contentType().toLowerCase(java.util.Locale.ROOT)
                .replace(";charset", "; charset"));
        Answer utf8 = f.get(SnapshotBuilder.downloadPath(f.budgetCsv.id()));
        assertTrue(utf8.contentType().toLowerCase(java.util.Locale.ROOT).contains("charset=utf-8"), utf8.contentType());
        // the catalogue names the media type without its parameter
        f.publication.registryChanged();
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(CatalogServlet.write(f.publication.snapshot(),
                CatalogServlet.Syntax.TURTLE)), Lang.TURTLE);
        String download = "https://data.example.org" + SnapshotBuilder.downloadPath(r.id());
        org.apache.jena.rdf.model.Resource dist = m.listSubjectsWithProperty(m.getProperty(DcatCatalog.DCAT, "downloadURL"),
                m.getResource(download)).next();
        assertEquals("https://www.iana.org/assignments/media-types/text/csv", dist.getPropertyResourceValue(
                m.getProperty(DcatCatalog.DCAT, "mediaType")).getURI());
    }

    @Test
    void createdNeverMovesAndIssuedIsAlwaysADateTime() throws Exception {
        // a dataset saved without a first-publication date while drafted, then published by a bulk action
        Dataset p = OpendataTestSetup.passport(f.finance.id(), "no-first-date", "Набір без дати");
        Dataset saved = f.od.registry().saveDataset(f.od.steward, p.withPublication(false, null, p.lastModifiedAt()));
        f.publication.registryChanged();
        f.od.actions().setPublished(f.od.steward, List.of(saved.id()), true);
        f.publication.registryChanged();
        PublishedDataset first = find("no-first-date");
        Thread.sleep(5);
        Dataset now = f.od.registry().dataset(saved.id()).orElseThrow();
        f.od.registry().saveDataset(f.od.steward, now);
        f.publication.registryChanged();
        assertEquals(first.modified(), find("no-first-date").modified(), "an unchanged save moves no date");
        resave(now, List.of("CSV", "JSON"), now.links(), null);
        f.publication.registryChanged();
        PublishedDataset changed = find("no-first-date");
        assertTrue(changed.modified().isAfter(first.modified()));
        assertEquals(first.created(), changed.created(), "metadata_created stays");

        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(CatalogServlet.write(f.publication.snapshot(),
                CatalogServlet.Syntax.TURTLE)), Lang.TURTLE);
        for (String name : List.of("no-first-date", "budget-2026")) {
            Literal issued = m.getResource("https://data.example.org/catalog/dataset/" + name)
                    .getProperty(m.getProperty(DcatCatalog.DCT, "issued")).getLiteral();
            assertEquals("http://www.w3.org/2001/XMLSchema#dateTime", issued.getDatatypeURI(), name);
        }
    }

    private PublishedDataset find(String name) {
        return f.publication.snapshot().datasets().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
