package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.RegistryTransfer.ImportPreview;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.dataset.DatasetProvider;
import ua.hromada.portal.testing.CommunityIsolationCheck;

/**
 * Regional hosting: the registry of one community is invisible to another, which may use the same
 * identifiers, names and codes; live datasets of modules are registered per community.
 */
class OpendataCommunityIsolationTest {

    private static final byte[] CSV_A = "id,name\n1,Полтава\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyTableOfTheRegistryIsIsolated() {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            setup.communities().add("a", "a.test").add("b", "b.test");
            DatasetRegistry registry = setup.registry();
            List<String> nationalList = registry.obligations().stream().map(Obligation::code).toList();
            assertEquals(11, nationalList.size(), "the default community's list, from the migration");
            A a = setup.communities().callAs("a", () -> writeEverything(setup));

            CommunityIsolationCheck.assertIsolated(setup.dataSource(), "opendata", "a", "b");

            setup.communities().runAs("b", () -> {
                assertTrue(registry.managers(setup.steward).isEmpty(), "b sees no manager of a");
                assertEquals(0, registry.countDatasets(setup.steward, DatasetQuery.all()));
                assertEquals(0, registry.countPublished(DatasetQuery.all()));
                assertTrue(registry.published(DatasetQuery.all()).isEmpty());
                assertTrue(registry.dataset(a.dataset.id()).isEmpty(), "a's dataset by id");
                assertTrue(registry.datasetByIdentifier("budget").isEmpty(), "a's dataset by identifier");
                assertTrue(registry.manager(a.manager.id()).isEmpty(), "a's manager by id");
                assertTrue(registry.resources(a.dataset.id()).isEmpty(), "a's resources");
                assertTrue(registry.resource(a.file.id()).isEmpty(), "a's resource by id");
                assertTrue(registry.content(a.file.id()).isEmpty(), "a's file");
                assertEquals(nationalList, registry.obligations().stream().map(Obligation::code).toList(),
                        "b starts with the national list, without a's own item");
                assertTrue(registry.tags().isEmpty(), "a's tags");

                // the same names, ЄДРПОУ, identifier and code are b's own
                DataManager own = setup.manager("Фінансове управління", OpendataTestSetup.edrpou(1234567));
                assertNotEquals(a.manager.id(), own.id());
                Dataset mine = setup.dataset(own, "budget", "Бюджет громади b", true);
                registry.saveObligation(setup.admin, new Obligation(0, "a-only", "Також у b", null, null));
                assertEquals(1, registry.countPublished(DatasetQuery.all()));
                assertEquals("Бюджет громади b", registry.datasetByIdentifier("budget").orElseThrow().title());
                assertNotEquals(a.dataset.id(), mine.id());
                referencesIntoAAreRefused(setup, a, own);
            });
            setup.communities().runAs("a", () -> {
                assertEquals("Бюджет громади a", registry.datasetByIdentifier("budget").orElseThrow().title(),
                        "b's dataset of the same identifier left a's alone");
                assertEquals(2, registry.managers(setup.steward).size(), "a's manager and the one under it");
                assertEquals(nationalList.size() + 1, registry.obligations().size(), "the national list and a's own item");
                assertEquals(1, registry.countPublished(DatasetQuery.all()));
            });
            assertEquals(0, registry.countDatasets(setup.steward, DatasetQuery.all()), "the default community has none");
        }
    }

    /** What community "a" wrote through the registry. */
    private record A(DataManager manager, Obligation obligation, Dataset dataset, Resource link, Resource file) {
    }

    /**
     * A row of a into every table of the schema: managers (one under another), obligations,
     * datasets with structure, resources with bytes (a module's live dataset writes the same
     * tables; aModulesLiveDatasetIsEachCommunitysOwn shows it per community).
     */
    private static A writeEverything(OpendataTestSetup setup) {
        DatasetRegistry registry = setup.registry();
        DataManager manager = setup.manager("Фінансове управління", OpendataTestSetup.edrpou(1234567));
        registry.saveManager(setup.steward, new DataManager(0, "Відділ бюджету", null, null, null, null,
                manager.id(), null));
        Obligation obligation = registry.saveObligation(setup.admin,
                new Obligation(0, "a-only", "Перелік рішень сесії", null, "Закон"));
        registry.setObligations(setup.steward, manager.id(), List.of(obligation.id()));
        Dataset dataset = setup.dataset(manager, "budget", "Бюджет громади a", true);
        Resource link = registry.addLink(setup.steward, dataset.id(), "Посилання", "CSV", "https://example.org/budget.csv");
        Resource file = registry.upload(setup.steward, dataset.id(), "Бюджет (CSV)", "CSV", "budget.csv", CSV_A);
        // the CKAN package the dataset came from, written as the CKAN import writes it
        try (var c = setup.communityDataSource().getConnection(); var ps = c.prepareStatement("insert into"
                + " opendata.ckan_package (dataset_id, portal, package_id, package_name) values (?, ?, ?, ?)")) {
            ps.setLong(1, dataset.id());
            ps.setString(2, "https://data.example.org");
            ps.setString(3, "5f0e2d6a-0000-4000-8000-000000000001");
            ps.setString(4, "budget");
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        // its open-data policy documents
        new PolicyDocumentsImpl(setup.database(), setup.auditLog()).save(setup.steward, List.of(790L, 12L));
        // a pre-V9 date of the dataset not converted yet, as V11 keeps it aside
        try (var c = setup.communityDataSource().getConnection(); var ps = c.prepareStatement("insert into"
                + " opendata.passport_date_before_v9 (dataset_id, first_published) values (?, date '2024-03-01')")) {
            ps.setLong(1, dataset.id());
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return new A(manager, obligation, dataset, link, file);
    }

    /**
     * Foreign keys are checked without row-level security: b's rows (written as the application
     * role, as a service with a wrong id would) must not point at a's manager, obligation, dataset
     * or resource.
     */
    private static void referencesIntoAAreRefused(OpendataTestSetup setup, A a, DataManager own) {
        javax.sql.DataSource b = setup.communityDataSource();
        CommunityReferences.assertRefused(b, "b's dataset of a's manager", "insert into opendata.dataset"
                + " (identifier, title, frequency, manager_id) values ('probe', 'Проба', 'DAILY', ?)", a.manager().id());
        CommunityReferences.assertRefused(b, "b's CKAN package link on a's dataset", "insert into"
                + " opendata.ckan_package (dataset_id, portal, package_id, package_name) values (?, 'https://x.org', 'p', 'p')",
                a.dataset().id());
        CommunityReferences.assertRefused(b, "b's manager under a's manager",
                "insert into opendata.data_manager (name, parent_id) values ('Проба', ?)", a.manager().id());
        CommunityReferences.assertRefused(b, "a's obligation given to b's manager",
                "insert into opendata.manager_obligation (manager_id, obligation_id) values (?, ?)",
                own.id(), a.obligation().id());
        CommunityReferences.assertRefused(b, "b's obligation given to a's manager",
                "insert into opendata.manager_obligation (manager_id, obligation_id) values (?, ?)",
                a.manager().id(), setup.registry().obligations().get(0).id());
        CommunityReferences.assertRefused(b, "b's resource of a's dataset", "insert into opendata.resource"
                + " (dataset_id, name, url) values (?, 'Проба', 'https://example.org/probe')", a.dataset().id());
        CommunityReferences.assertRefused(b, "b's structure of a's dataset", "insert into opendata.structure_field"
                + " (dataset_id, position, name) values (?, 99, 'probe')", a.dataset().id());
        CommunityReferences.assertRefused(b, "b's bytes of a's resource", "insert into opendata.resource_content"
                + " (resource_id, content) values (?, '\\x00')", a.link().id());
        CommunityReferences.assertRefused(b, "b's pre-V9 date of a's dataset", "insert into"
                + " opendata.passport_date_before_v9 (dataset_id, last_modified) values (?, date '2024-07-15')",
                a.dataset().id());
        CommunityReferences.assertRefused(b, "b's dataset under a's obligation", "insert into opendata.dataset"
                + " (identifier, title, frequency, manager_id, obligation_id) values ('probe', 'Проба', 'DAILY', ?, ?)",
                own.id(), a.obligation().id());
    }

    @Test
    void anImportPreviewIsCommittedInItsOwnCommunityOnly() {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            setup.communities().add("a").add("b");
            String csv = RegistryTransferTest.HEADER + "fresh-set;Набір;Опис;Полтавська міська рада;24388300;CSV;Щороку;;;;\n";
            ImportPreview preview = setup.communities().callAs("a",
                    () -> setup.transfer().preview(setup.steward, "a.csv", csv.getBytes(StandardCharsets.UTF_8)));
            OpendataException refused = setup.communities().callAs("b",
                    () -> assertThrows(OpendataException.class, () -> setup.transfer().commit(setup.steward, preview)));
            assertEquals("opendata.error.import.expired", refused.messageKey(), "a's file read for a is not b's import");
            setup.communities().runAs("a", () -> setup.transfer().commit(setup.steward, preview));
            assertTrue(setup.communities().callAs("a", () -> setup.registry().datasetByIdentifier("fresh-set")).isPresent());
            assertTrue(setup.communities().callAs("b", () -> setup.registry().datasetByIdentifier("fresh-set")).isEmpty());
        }
    }

    @Test
    void filesInAFolderAreKeptPerCommunity(@TempDir Path folder) throws IOException {
        try (OpendataTestSetup setup = new OpendataTestSetup(folder)) {
            setup.communities().add("a").add("b");
            DatasetRegistry registry = setup.registry();
            // the same bytes in both communities: a removing its resource must not take b's file
            Resource inA = setup.communities().callAs("a", () -> upload(setup, "a"));
            Resource inB = setup.communities().callAs("b", () -> upload(setup, "b"));
            assertEquals(inA.sha256(), inB.sha256());
            assertTrue(Files.exists(folder.resolve("communities").resolve("a").resolve(inA.sha256().substring(0, 2))
                    .resolve(inA.sha256())));

            setup.communities().runAs("a", () -> registry.removeResource(setup.steward, inA.id()));
            byte[] kept = setup.communities().callAs("b", () -> {
                try (InputStream in = registry.content(inB.id()).orElseThrow()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertArrayEquals(CSV_A, kept, "b's file stays when a releases the same bytes");
        }
    }

    private static Resource upload(OpendataTestSetup setup, String community) {
        DataManager m = setup.manager("Відділ " + community, null);
        Dataset d = setup.dataset(m, "budget", "Бюджет " + community, true);
        return setup.registry().upload(setup.steward, d.id(), "Бюджет", "CSV", "budget.csv", CSV_A);
    }

    @Test
    void aModulesLiveDatasetIsEachCommunitysOwn() {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            setup.communities().add(new Community("a", List.of(), Set.of(),
                    Map.of(OpendataConfig.PID + "/provider.manager.name", "Виконавчий комітет громади a")));
            // b has open data but not the provider's module, c the module but not open data: neither gets it
            setup.communities().add(new Community("b", List.of(), Set.of("opendata", "docsearch"), Map.of()));
            setup.communities().add(new Community("c", List.of(), Set.of("oks"), Map.of()));
            DatasetRegistry registry = setup.registry();
            setup.addProvider(new CommunityProvider(setup));

            Dataset inDefault = registry.datasetByIdentifier("stops").orElseThrow();
            Dataset inA = setup.communities().callAs("a", () -> registry.datasetByIdentifier("stops").orElseThrow());
            assertNotEquals(inDefault.id(), inA.id());
            assertEquals("Виконавчий комітет міської ради", registry.manager(inDefault.managerId()).orElseThrow().name());
            assertEquals("Виконавчий комітет громади a", setup.communities().callAs("a",
                    () -> registry.manager(inA.managerId()).orElseThrow().name()), "a's own manager of live datasets");
            assertEquals("stops of default", text(setup, registry, inDefault));
            assertEquals("stops of a", setup.communities().callAs("a", () -> text(setup, registry, inA)),
                    "the provider's output while a is bound");
            assertTrue(setup.communities().callAs("b", () -> registry.datasetByIdentifier("stops").isEmpty()));
            assertTrue(setup.communities().callAs("c", () -> registry.datasetByIdentifier("stops").isEmpty()));
        }
    }

    private static String text(OpendataTestSetup setup, DatasetRegistry registry, Dataset d) {
        Resource r = registry.resources(d.id()).get(0);
        try (InputStream in = registry.content(r.id()).orElseThrow()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module whose data is the bound community's, as a module reading its own tables under row-level security. */
    private record CommunityProvider(OpendataTestSetup setup) implements DatasetProvider {
        @Override
        public String module() {
            return "oks";
        }

        @Override
        public String identifier() {
            return "stops";
        }

        @Override
        public String title() {
            return "Зупинки";
        }

        @Override
        public String description() {
            return "Зупинки громадського транспорту";
        }

        @Override
        public List<String> keywords() {
            return List.of("транспорт");
        }

        @Override
        public String updateFrequency() {
            return "DAILY";
        }

        @Override
        public String mediaType(String format) {
            return "text/csv";
        }

        @Override
        public Instant lastModified() {
            return Instant.parse("2026-05-01T10:00:00Z");
        }

        @Override
        public List<String> formats() {
            return List.of("CSV");
        }

        @Override
        public void write(String format, OutputStream out) throws IOException {
            out.write(("stops of " + setup.communities().current().id()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
