package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.publication.PublicationFixture.Answer;
import ua.hromada.opendata.publication.dcat.CatalogServlet;
import ua.hromada.opendata.publication.dcat.CatalogServlet.Syntax;
import ua.hromada.opendata.publication.dcat.DcatCatalog;

/**
 * The DCAT-AP catalogue of the real registry validated with Jena SHACL against the DCAT-AP 3.0.1
 * shapes ({@code shapes.ttl}: classes, mandatory properties, cardinalities) and ranges
 * ({@code range.ttl}), copied into the test resources from the SEMIC release; every violation is
 * listed when it fails. The same shapes reject a catalogue with a dataset missing its title, so
 * the check can fail.
 */
class DcatCatalogShaclTest {

    @AutoClose
    private static PublicationFixture f;
    private static Shapes shapes;

    @BeforeAll
    static void start() throws Exception {
        f = new PublicationFixture().serve();
        Graph g = ModelFactory.createDefaultModel().getGraph();
        for (String file : new String[] {"shapes.ttl", "range.ttl"}) {
            try (InputStream in = DcatCatalogShaclTest.class.getResourceAsStream("/dcat-ap-3.0.1/" + file)) {
                RDFDataMgr.read(g, in, Lang.TURTLE);
            }
        }
        shapes = Shapes.parse(g);
    }

    private static Model read(byte[] body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(body), lang);
        return m;
    }

    private static String violations(ValidationReport report) {
        return report.getEntries().stream().map(e -> e.severity() + " " + e.focusNode() + " " + e.resultPath() + ": "
                + e.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void theCatalogueConformsToTheDcatAp301Shapes() {
        Model m = read(CatalogServlet.write(f.publication.snapshot(), Syntax.TURTLE), Lang.TURTLE);
        ValidationReport report = ShaclValidator.get().validate(shapes, m.getGraph());
        assertTrue(report.conforms(), "DCAT-AP 3.0.1 violations:\n" + violations(report));

        Resource catalog = m.getResource("https://data.example.org/catalog");
        assertTrue(catalog.hasProperty(RDF.type, m.getResource(DcatCatalog.DCAT + "Catalog")));
        assertEquals(4, m.listObjectsOfProperty(catalog, m.getProperty(DcatCatalog.DCAT, "dataset")).toList().size(),
                "the published datasets only");
        Resource budget = m.getResource("https://data.example.org/catalog/dataset/budget-2026");
        assertEquals(DcatCatalog.FREQUENCY + "ANNUAL", budget.getPropertyResourceValue(
                m.getProperty(DcatCatalog.DCT, "accrualPeriodicity")).getURI());
        assertEquals(DcatCatalog.LANGUAGE + "UKR", budget.getPropertyResourceValue(
                m.getProperty(DcatCatalog.DCT, "language")).getURI());
        assertEquals("2024-03-01T08:30:00Z", budget.getProperty(m.getProperty(DcatCatalog.DCT, "issued")).getLiteral()
                .getLexicalForm(), "the first publication's date and time (10:30 in Kyiv)");
        assertEquals("http://www.w3.org/2001/XMLSchema#dateTime", budget.getProperty(m.getProperty(DcatCatalog.DCT,
                "issued")).getLiteral().getDatatypeURI());
        assertEquals("http://www.w3.org/2001/XMLSchema#dateTime", budget.getProperty(m.getProperty(DcatCatalog.DCT,
                "modified")).getLiteral().getDatatypeURI());
        Resource publisher = budget.getPropertyResourceValue(m.getProperty(DcatCatalog.DCT, "publisher"));
        assertEquals("Департамент фінансів", publisher.getProperty(m.getProperty(DcatCatalog.FOAF, "name")).getString());
        Resource contact = budget.getPropertyResourceValue(m.getProperty(DcatCatalog.DCAT, "contactPoint"));
        assertEquals("mailto:opendata@example.org", contact.getPropertyResourceValue(
                m.getProperty(DcatCatalog.VCARD, "hasEmail")).getURI());
        String download = "https://data.example.org/api/opendata/resources/" + f.budgetCsv.id() + "/download";
        Resource csv = m.listSubjectsWithProperty(m.getProperty(DcatCatalog.DCAT, "downloadURL"),
                m.getResource(download)).next();
        assertEquals("http://publications.europa.eu/resource/authority/file-type/CSV", csv.getPropertyResourceValue(
                m.getProperty(DcatCatalog.DCT, "format")).getURI());
        assertEquals("https://www.iana.org/assignments/media-types/text/csv", csv.getPropertyResourceValue(
                m.getProperty(DcatCatalog.DCAT, "mediaType")).getURI());
        assertEquals(String.valueOf(PublicationFixture.CSV.length), csv.getProperty(m.getProperty(DcatCatalog.DCAT,
                "byteSize")).getLiteral().getLexicalForm());
        assertEquals("https://creativecommons.org/licenses/by/4.0/", csv.getPropertyResourceValue(
                m.getProperty(DcatCatalog.DCT, "license")).getURI());
        Resource checksum = csv.getPropertyResourceValue(m.getProperty(DcatCatalog.SPDX, "checksum"));
        assertEquals(f.budgetCsv.sha256(), checksum.getProperty(m.getProperty(DcatCatalog.SPDX, "checksumValue"))
                .getString());
    }

    @Test
    void theShapesRejectADatasetWithoutTitle() {
        Model m = read(CatalogServlet.write(f.publication.snapshot(), Syntax.TURTLE), Lang.TURTLE);
        Resource budget = m.getResource("https://data.example.org/catalog/dataset/budget-2026");
        budget.removeAll(m.getProperty(DcatCatalog.DCT, "title"));
        ValidationReport report = ShaclValidator.get().validate(shapes, m.getGraph());
        assertFalse(report.conforms());
        assertTrue(violations(report).contains("budget-2026"), violations(report));
    }

    @Test
    void allThreeSyntaxesCarryTheSameGraphOverHttp() throws Exception {
        Answer ttl = f.get("/catalog.ttl");
        Answer jsonld = f.get("/catalog.jsonld");
        Answer rdf = f.get("/catalog.rdf");
        assertEquals(200, ttl.status());
        assertTrue(ttl.contentType().startsWith("text/turtle"), ttl.contentType());
        assertTrue(jsonld.contentType().startsWith("application/ld+json"), jsonld.contentType());
        assertTrue(rdf.contentType().startsWith("application/rdf+xml"), rdf.contentType());
        Model fromTtl = read(ttl.body(), Lang.TURTLE);
        assertTrue(fromTtl.isIsomorphicWith(read(jsonld.body(), Lang.JSONLD)), "JSON-LD = Turtle");
        assertTrue(fromTtl.isIsomorphicWith(read(rdf.body(), Lang.RDFXML)), "RDF/XML = Turtle");
        ValidationReport report = ShaclValidator.get().validate(shapes, read(jsonld.body(), Lang.JSONLD).getGraph());
        assertTrue(report.conforms(), violations(report));
        String etag = ttl.response().headers().firstValue("ETag").orElseThrow();
        assertEquals(etag, f.get("/catalog.ttl").response().headers().firstValue("ETag").orElseThrow(),
                "written once per copy of the registry");
    }
}
