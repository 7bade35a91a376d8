package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.dataset.DatasetProvider;

/** Live datasets of other modules: registered, refreshed with checksums, kept (not live) when the module goes. */
class ProviderSyncTest {

    /** A module's live dataset: bus stops as CSV and GeoJSON, produced from its current list. */
    static class StopsProvider implements DatasetProvider {
        record Stop(int id, String name, double lat, double lon) {
        }

        final List<Stop> stops = new ArrayList<>(List.of(new Stop(1, "Центр", 49.5894, 34.5510),
                new Stop(2, "Залізничний вокзал «Полтава-Київська»", 49.5957, 34.5330)));
        final AtomicInteger writes = new AtomicInteger();
        final String identifier;
        List<String> formats = List.of("CSV", "GEOJSON");
        Instant lastModified = Instant.parse("2026-05-01T09:30:00.123456789Z");

        StopsProvider(String identifier) {
            this.identifier = identifier;
        }

        @Override
        public String identifier() {
            return identifier;
        }

        @Override
        public String module() {
            return "transport";
        }

        @Override
        public String title() {
            return "Зупинки громадського транспорту";
        }

        @Override
        public String description() {
            return "Зупинки міських маршрутів з координатами";
        }

        @Override
        public List<String> keywords() {
            return List.of("транспорт", "зупинки");
        }

        @Override
        public String updateFrequency() {
            return "DAILY";
        }

        @Override
        public List<String> formats() {
            return formats;
        }

        @Override
        public String mediaType(String format) {
            return format.equals("CSV") ? "text/csv" : "application/geo+json";
        }

        @Override
        public Instant lastModified() {
            return lastModified;
        }

        @Override
        public void write(String format, OutputStream out) throws IOException {
            writes.incrementAndGet();
            StringBuilder b = new StringBuilder();
            if (format.equals("CSV")) {
                b.append("id;name;lat;lon\n");
                for (Stop s : stops) {
                    b.append(s.id()).append(';').append(s.name()).append(';').append(s.lat()).append(';').append(s.lon()).append('\n');
                }
            } else {
                b.append("{\"type\":\"FeatureCollection\",\"features\":[");
                for (int i = 0; i < stops.size(); i++) {
                    Stop s = stops.get(i);
                    b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                            "{\"type\":\"Feature\",\"id\":%d,\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                                    + "\"properties\":{\"name\":\"%s\"}}", s.id(), s.lon(), s.lat(), s.name().replace("\"", "\\\"")));
                }
                b.append("]}");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }

        byte[] output(String format) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(format, out);
            writes.decrementAndGet();
            return out.toByteArray();
        }
    }

    private static byte[] content(DatasetRegistry registry, Resource r) throws IOException {
        try (InputStream in = registry.content(r.id()).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    private static Resource byFormat(List<Resource> resources, String format) {
        return resources.stream().filter(r -> format.equals(r.format())).findFirst().orElseThrow();
    }

    @Test
    void providerLifecycle() throws IOException {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            DatasetRegistry registry = setup.registry();
            StopsProvider stops = new StopsProvider("transport-stops");
            setup.addProvider(stops);

            Dataset d = registry.datasetByIdentifier("transport-stops").orElseThrow();
            assertEquals("transport", d.providerModule());
            assertEquals("Зупинки громадського транспорту", d.title());
            assertEquals(List.of("CSV", "GEOJSON"), d.formats());
            assertEquals(UpdateFrequency.DAILY, d.frequency());
            assertEquals(List.of("транспорт", "зупинки"), d.keywords());
            assertEquals(LocalDate.of(2026, 5, 1), d.lastModified());
            assertTrue(d.published(), "provider.publish = true");
            DataManager executive = registry.manager(d.managerId()).orElseThrow();
            assertEquals("Виконавчий комітет міської ради", executive.name(), "the configured manager, created");
            assertTrue(setup.live("transport-stops"));
            assertTrue(setup.audit().stream().anyMatch(e -> e.actor().equals("system") && e.entityType().equals("dataset")));

            List<Resource> resources = registry.resources(d.id());
            assertEquals(2, resources.size());
            Resource csv = byFormat(resources, "CSV");
            Resource geo = byFormat(resources, "GEOJSON");
            assertArrayEquals(stops.output("CSV"), content(registry, csv));
            assertArrayEquals(stops.output("GEOJSON"), content(registry, geo));
            assertEquals(DatasetRegistryImpl.sha256(stops.output("CSV")), csv.sha256());
            assertEquals(stops.output("CSV").length, csv.size());
            assertEquals("application/geo+json", geo.mediaType());
            assertEquals("transport-stops.geojson", geo.fileName());
            assertEquals(stops.lastModified.truncatedTo(ChronoUnit.MICROS), csv.modified());
            assertEquals(2, stops.writes.get());

            // unchanged data: the schedule does not produce the files again
            setup.refreshProviders();
            assertEquals(2, stops.writes.get());

            // a steward completes the passport; the module's refresh keeps it
            Dataset edited = registry.saveDataset(setup.steward, new Dataset(d.id(), d.identifier(), d.title(), d.description(),
                    d.language(), d.formats(), d.compression(), d.firstPublishedAt(), d.lastModifiedAt(), d.actualityDate(),
                    d.frequency(), d.keywords(), d.links(), "Оксана Транспортна", "transport@example.org",
                    "Закон України «Про автомобільний транспорт»", null, d.managerId(), null, List.of("транспорт"),
                    d.structure(), null, true, null, null));
            assertEquals("transport", edited.providerModule());

            // new data: the same resources (same ids) get the new bytes and checksum
            stops.stops.add(new StopsProvider.Stop(3, "Площа Слави", 49.5880, 34.5560));
            stops.lastModified = Instant.parse("2026-05-02T10:00:00Z");
            setup.refreshProviders();
            Dataset refreshed = registry.dataset(d.id()).orElseThrow();
            assertEquals(LocalDate.ofInstant(stops.lastModified, ZoneId.of("Europe/Kyiv")), refreshed.lastModified());
            assertEquals("Оксана Транспортна", refreshed.responsiblePerson());
            assertEquals("transport@example.org", refreshed.responsibleEmail());
            List<Resource> after = registry.resources(d.id());
            Resource csv2 = byFormat(after, "CSV");
            assertEquals(csv.id(), csv2.id());
            assertEquals(DatasetRegistryImpl.sha256(stops.output("CSV")), csv2.sha256());
            assertFalse(csv.sha256().equals(csv2.sha256()));
            assertArrayEquals(stops.output("CSV"), content(registry, csv2));
            assertEquals(stops.lastModified, csv2.modified());

            // a format the module no longer offers goes
            stops.formats = List.of("CSV");
            stops.lastModified = Instant.parse("2026-05-03T10:00:00Z");
            setup.refreshProviders();
            assertEquals(List.of("CSV"), registry.resources(d.id()).stream().map(Resource::format).toList());

            // the module goes away: the dataset and its file stay, marked not live
            setup.removeProvider(stops);
            assertFalse(setup.live("transport-stops"));
            Dataset kept = registry.dataset(d.id()).orElseThrow();
            assertEquals("transport", kept.providerModule());
            assertEquals(1, registry.resources(d.id()).size());
            assertArrayEquals(stops.output("CSV"), content(registry, registry.resources(d.id()).get(0)));
            assertTrue(setup.audit().stream().anyMatch(e -> e.action().equals("provider-gone")));
            int writes = stops.writes.get();
            setup.refreshProviders();
            assertEquals(writes, stops.writes.get(), "a gone provider is not refreshed");

            // and comes back
            setup.addProvider(stops);
            assertTrue(setup.live("transport-stops"));
            assertEquals(1, registry.datasets(setup.viewer, new ua.hromada.opendata.api.DatasetQuery("transport-stops", null,
                    null, null, null, null, 0, 10)).size(), "no second dataset");
        }
    }

    /**
     * A module with no data yet gives no last change, so the live dataset is first published today;
     * data of past days arriving later (an import, as in the bench of 60 communities) is the earlier
     * fact: first publication moves back to that day instead of the passport breaking the dates
     * rule and the dataset never being refreshed again.
     */
    @Test
    void dataOlderThanTheFirstPublicationMovesItBack() {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            StopsProvider stops = new StopsProvider("night-stops");
            stops.lastModified = null;
            setup.addProvider(stops);
            DatasetRegistry registry = setup.registry();
            Dataset first = registry.datasetByIdentifier("night-stops").orElseThrow();
            LocalDate today = OpendataSettings.defaults().today();
            assertEquals(today, first.firstPublished(), "no last change known: published today");
            assertNull(first.lastModified());

            LocalDate past = today.minusDays(40);
            stops.lastModified = past.atTime(12, 0).atZone(OpendataSettings.defaults().zone()).toInstant();
            stops.stops.add(new StopsProvider.Stop(3, "Кременчуцька", 49.5801, 34.5402));
            setup.refreshProviders();

            Dataset refreshed = registry.dataset(first.id()).orElseThrow();
            assertEquals(past, refreshed.lastModified(), "the module's last change is taken");
            assertEquals(past, refreshed.firstPublished(), "first publication moved back to it");
            assertEquals(past, refreshed.actualityDate());
            Resource csv = byFormat(registry.resources(first.id()), "CSV");
            try {
                assertArrayEquals(stops.output("CSV"), content(registry, csv), "the new data is in the file");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }

            // a later change leaves the moved first publication where it is
            stops.lastModified = stops.lastModified.plus(java.time.Duration.ofDays(3));
            setup.refreshProviders();
            assertEquals(past, registry.dataset(first.id()).orElseThrow().firstPublished());
            assertEquals(past.plusDays(3), registry.dataset(first.id()).orElseThrow().lastModified());
        }
    }

    @Test
    void aDatasetKeptByAPersonIsNotTakenOver() {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            DataManager m = setup.manager("Управління транспорту", OpendataTestSetup.edrpou(6_000_001));
            Dataset manual = setup.dataset(m, "bus-stops", "Зупинки (вручну)", true);
            setup.addProvider(new StopsProvider("bus-stops"));
            Dataset d = setup.registry().dataset(manual.id()).orElseThrow();
            assertNull(d.providerModule());
            assertEquals("Зупинки (вручну)", d.title());
            assertTrue(setup.registry().resources(d.id()).isEmpty());
            assertFalse(setup.live("bus-stops"));
        }
    }

    @Test
    void aBrokenProviderDoesNotStopTheOthers() {
        try (OpendataTestSetup setup = new OpendataTestSetup()) {
            StopsProvider broken = new StopsProvider("broken-stops") {
                @Override
                public void write(String format, OutputStream out) throws IOException {
                    throw new IOException("database of the module is down");
                }
            };
            StopsProvider badFrequency = new StopsProvider("odd-stops") {
                @Override
                public String updateFrequency() {
                    return "HOURLY";
                }
            };
            setup.addProvider(broken);
            setup.addProvider(badFrequency);
            setup.addProvider(new StopsProvider("good-stops"));
            assertTrue(setup.registry().datasetByIdentifier("odd-stops").isEmpty(), "not a national frequency: not registered");
            assertEquals(2, setup.registry().resources(setup.registry().datasetByIdentifier("good-stops").orElseThrow().id()).size());
            assertTrue(setup.registry().resources(setup.registry().datasetByIdentifier("broken-stops").orElseThrow().id()).isEmpty());
        }
    }
}
