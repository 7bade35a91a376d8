package ua.hromada.opendata.publication;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.opendata.publication.ckan.CkanServlet;
import ua.hromada.opendata.publication.dcat.CatalogServlet;
import ua.hromada.opendata.service.OpendataTestSetup;
import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.portal.testing.TestServer;

/**
 * The real registry on a throw-away PostgreSQL database with a small published registry, the
 * publication over it, and its servlets on a real Jetty 12 (the one the portal runs on):
 * <ul>
 * <li>finance department (two budget datasets: one with an uploaded CSV, one with only the
 * passport's link), education department (schools with a JSON link, kindergartens with an XLSX
 * link and an unpublished draft), a manager with nothing published</li>
 * </ul>
 */
public final class PublicationFixture implements AutoCloseable {

    /** Every fixture dataset's first publication: 10:30 in Kyiv (EET, UTC+2) on 1 March 2024. */
    public static final LocalDateTime FIRST_PUBLISHED = LocalDateTime.of(2024, 3, 1, 10, 30);

    public static final byte[] CSV = "рік,видатки\n2026,1000\n".getBytes(StandardCharsets.UTF_8);

    public final OpendataTestSetup od = new OpendataTestSetup();
    public final PublicationSettings settings = new PublicationSettings("Відкриті дані Полтави",
            "Набори відкритих даних Полтавської міської ради", "Полтавська міська рада", "https://rada-poltava.gov.ua/",
            "opendata@rada-poltava.gov.ua", "https://data.example.org/", "CC-BY-4.0",
            "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/", "uk",
            Duration.ofMinutes(5), 512, TestPortalSettings.KYIV);
    public final Publication publication;
    public final DataManager finance;
    public final DataManager education;
    public final DataManager idle;
    public final Dataset budget2026;
    public final Dataset budget2025;
    public final Dataset schools;
    public final Dataset kindergartens;
    public final Dataset draft;
    public final Resource budgetCsv;
    public final Resource schoolsJson;
    private TestServer server;
    private String base;

    public PublicationFixture() {
        DatasetRegistry r = od.registry();
        finance = od.manager("Департамент фінансів", OpendataTestSetup.edrpou(1234567));
        education = od.manager("Управління освіти", OpendataTestSetup.edrpou(2345678));
        idle = od.manager("Архівний відділ", OpendataTestSetup.edrpou(3456789));
        budget2026 = save(finance, "budget-2026", "Бюджет міста на 2026 рік", List.of("бюджет", "фінанси"),
                UpdateFrequency.YEARLY, true);
        budget2025 = save(finance, "budget-2025", "Бюджет 2025", List.of("бюджет"), UpdateFrequency.NO_LONGER_UPDATED,
                true);
        schools = save(education, "schools", "Перелік закладів загальної середньої освіти", List.of("освіта"),
                UpdateFrequency.MONTHLY, true);
        kindergartens = save(education, "kindergartens", "Дитячі садки", List.of("освіта", "діти"),
                UpdateFrequency.QUARTERLY, true);
        draft = save(education, "draft-dataset", "Чернетка набору", List.of("освіта"), UpdateFrequency.DAILY, false);
        budgetCsv = r.upload(od.steward, budget2026.id(), "Бюджет 2026 (CSV)", "CSV", "budget-2026.csv", CSV);
        schoolsJson = r.addLink(od.steward, schools.id(), "Заклади освіти (JSON)", "JSON",
                "https://example.org/schools.json");
        r.addLink(od.steward, kindergartens.id(), "Садки (XLSX)", "XLSX", "https://example.org/kindergartens.xlsx");
        r.upload(od.steward, draft.id(), "Чернетка", "CSV", "draft.csv", CSV);
        publication = new Publication(r, settings, od.jobs(), od.communities());
    }

    private Dataset save(DataManager m, String identifier, String title, List<String> tags, UpdateFrequency frequency,
            boolean published) {
        Dataset p = OpendataTestSetup.passport(m.id(), identifier, title);
        return od.registry().saveDataset(od.steward, new Dataset(0, identifier, title, p.description(), "uk",
                p.formats(), null, FIRST_PUBLISHED, p.lastModifiedAt(), p.actualityDate(), frequency,
                p.keywords(), p.links(), p.responsiblePerson(), p.responsibleEmail(), p.legalBasis(), p.purpose(),
                m.id(), null, tags, p.structure(), null, published, null, null));
    }

    /** Starts Jetty with the CKAN API, the download endpoint and the catalogue. */
    public PublicationFixture serve() throws Exception {
        server = new TestServer().serve("/api/3/action/*", new CkanServlet(publication))
                .serve("/api/opendata/resources/*", new ResourceDownloadServlet(od.registry()));
        CatalogServlet catalog = new CatalogServlet(publication);
        for (String path : List.of("/catalog.ttl", "/catalog.jsonld", "/catalog.rdf")) {
            server.serve(path, catalog);
        }
        server.start();
        base = server.address();
        return this;
    }

    /** The address the servlets answer at (after {@link #serve()}), e.g. http://127.0.0.1:port */
    public String base() {
        return base;
    }

    public record Answer(int status, String contentType, byte[] body, HttpResponse<byte[]> response) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Answer answer(HttpResponse<byte[]> r) {
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
    }

    public Answer get(String path) throws Exception {
        return answer(server.get(base + path));
    }

    /**
     * A GET sent as written, over a plain socket: java.net.http refuses to send what a careless or
     * hostile client does (a broken percent escape).
     */
    public Answer getRaw(String pathAndQuery) throws Exception {
        TestServer.RawAnswer raw = server.getRaw(pathAndQuery);
        return new Answer(raw.status(), raw.contentType(), raw.body().getBytes(StandardCharsets.UTF_8), null);
    }

    public Answer post(String path, String contentType, String body) throws Exception {
        return answer(server.post(base + path, contentType, body));
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
        publication.deactivate();
        od.close();
    }
}
