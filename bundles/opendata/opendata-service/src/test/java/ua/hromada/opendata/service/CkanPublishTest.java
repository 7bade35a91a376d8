package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ua.hromada.opendata.api.CkanPublish;
import ua.hromada.opendata.api.CkanPublish.Action;
import ua.hromada.opendata.api.CkanPublish.PublishPreview;
import ua.hromada.opendata.api.CkanPublish.PublishResult;
import ua.hromada.opendata.api.CkanPublish.PublishRow;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * Publication to a CKAN portal: a local server that keeps packages and records the action calls
 * stands in for data.gov.ua. The dry run sends nothing and shows the diff; the publication creates
 * the missing package with its links, patches only the changed fields of another and adds its new
 * link, with the publisher's key; a second dry run has nothing left; a cancel stops before the calls.
 */
class CkanPublishTest {
    private final ObjectMapper json = new ObjectMapper();
    private OpendataTestSetup setup;
    private RecordingCkan portal;
    private CkanPublish publish;
    private DataManager manager;

    @BeforeEach
    void start() throws Exception {
        setup = new OpendataTestSetup();
        publish = setup.ckanPublish();
        manager = setup.manager("Управління освіти", OpendataTestSetup.edrpou(2438830));
        portal = new RecordingCkan("osvita", manager.edrpou());
    }

    @AfterEach
    void stop() {
        portal.close();
        setup.close();
    }

    private PublishPreview preview() {
        return publish.preview(setup.steward, portal.base(), "osvita", JobProgress.NONE);
    }

    private static PublishRow row(PublishPreview p, String identifier) {
        return p.rows().stream().filter(r -> r.identifier().equals(identifier)).findFirst().orElseThrow();
    }

    /** schools: on the portal with an old title and without the registry's second link. */
    private void schoolsOnPortal(Dataset schools) {
        ObjectNode p = json.createObjectNode().put("name", schools.identifier()).put("title", "Старі заклади")
                .put("notes", schools.description()).put("maintainer", schools.responsiblePerson())
                .put("maintainer_email", schools.responsibleEmail()).put("owner_org", "org-osvita");
        p.putArray("tags").addObject().put("name", "полтава");
        p.putArray("resources").addObject().put("url", "https://example.org/schools.csv");
        ObjectNode withExtras = new CkanOutgoing(json, new Texts(), OpendataSettings.defaults()::zone).create(schools, "org-osvita");
        p.set("extras", withExtras.get("extras"));
        ((com.fasterxml.jackson.databind.node.ArrayNode) p.get("extras")).addObject().put("key", "theme")
                .put("value", "Освіта"); // the portal's own extra: kept by the patch
        portal.add(p);
    }

    @Test
    void dryRunSendsNothingThenPublishCreatesPatchesAndAddsLinks() {
        Dataset budget = setup.dataset(manager, "budget-osvity", "Бюджет освіти", true);
        setup.registry().addLink(setup.steward, budget.id(), "Бюджет CSV", "CSV", "https://example.org/budget.csv");
        Dataset schools = setup.dataset(manager, "schools", "Заклади освіти", true);
        setup.registry().addLink(setup.steward, schools.id(), "Заклади", "CSV", "https://example.org/schools.csv");
        setup.registry().addLink(setup.steward, schools.id(), "Заклади 2025", "CSV", "https://example.org/schools-2025.csv");
        setup.dataset(manager, "draft", "Чернетка", false);
        // as the registry holds it now: the links made now its last change, which the portal has too
        schoolsOnPortal(setup.registry().dataset(schools.id()).orElseThrow());

        PublishPreview p = preview();
        assertEquals(List.of("budget-osvity", "schools"), p.rows().stream().map(PublishRow::identifier).sorted().toList(),
                "published datasets only");
        assertEquals(Action.CREATE, row(p, "budget-osvity").action());
        assertEquals(List.of("нове посилання https://example.org/budget.csv"), row(p, "budget-osvity").changes());
        assertEquals(Action.UPDATE, row(p, "schools").action());
        assertEquals(List.of("Назва набору даних: «Старі заклади» → «Заклади освіти»",
                "нове посилання https://example.org/schools-2025.csv"), row(p, "schools").changes());
        assertTrue(portal.writes().isEmpty(), "a dry run sends nothing");
        assertTrue(publish.configured());

        PublishResult r = publish.publish(setup.steward, p, JobProgress.NONE);
        assertEquals(new PublishResult(1, 1, 2), r);
        List<RecordingCkan.Call> writes = portal.writes();
        assertEquals(List.of("package_create", "resource_create", "package_patch", "resource_create"),
                writes.stream().map(RecordingCkan.Call::action).toList());
        assertTrue(writes.stream().allMatch(c -> OpendataTestSetup.API_KEY.equals(c.authorization())), "the publisher's key");
        JsonNode created = writes.get(0).body();
        assertEquals("budget-osvity", created.path("name").asText());
        assertEquals("org-osvita", created.path("owner_org").asText());
        assertEquals("Бюджет освіти", created.path("title").asText());
        java.util.Map<String, String> extras = new java.util.HashMap<>();
        created.path("extras").forEach(e -> extras.put(e.path("key").asText(), e.path("value").asText()));
        java.time.Instant first = budget.firstPublishedAt().atZone(java.time.ZoneId.of("Europe/Kyiv")).toInstant();
        assertEquals(first.toString().replace("Z", ".000000"), extras.get("first_published"),
                "the passport's date and time as CKAN writes its own (metadata_created style: UTC)");
        assertTrue(extras.get("last_modified").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\.000000"),
                extras.get("last_modified"));
        assertEquals("https://example.org/budget.csv", writes.get(1).body().path("url").asText());
        JsonNode patch = writes.get(2).body();
        assertEquals(Set.of("id", "title"), fields(patch), "only what changed");
        assertEquals("https://example.org/schools-2025.csv", writes.get(3).body().path("url").asText());

        PublishPreview again = preview();
        assertTrue(again.rows().stream().allMatch(x -> x.action() == Action.UNCHANGED), again.rows().toString());
        assertThrows(OpendataException.class, () -> publish.publish(setup.steward, p, JobProgress.NONE),
                "a preview is used once");
        assertTrue(setup.audit().stream().anyMatch(e -> "ckan-publish".equals(e.action())));
    }

    @Test
    void aChangedExtraIsPatchedWithThePortalsOwnExtrasKept() {
        Dataset added = setup.dataset(manager, "schools", "Заклади освіти", true);
        setup.registry().addLink(setup.steward, added.id(), "Заклади", "CSV", "https://example.org/schools.csv");
        Dataset schools = setup.registry().dataset(added.id()).orElseThrow();
        schoolsOnPortal(new Dataset(schools.id(), schools.identifier(), schools.title(), schools.description(),
                schools.language(), schools.formats(), schools.compression(), schools.firstPublishedAt(),
                schools.lastModifiedAt(), schools.actualityDate(), schools.frequency(), schools.keywords(), schools.links(),
                schools.responsiblePerson(), schools.responsibleEmail(), "Стара підстава", schools.purpose(),
                schools.managerId(), null, schools.tags(), schools.structure(), null, true, null, null));
        PublishPreview p = preview();
        assertEquals(List.of("Назва набору даних: «Старі заклади» → «Заклади освіти»",
                "Підстава збору інформації: «Стара підстава» → «" + schools.legalBasis() + "»"), row(p, "schools").changes());
        publish.publish(setup.steward, p, JobProgress.NONE);
        JsonNode patch = portal.writes().get(0).body();
        assertEquals(Set.of("id", "title", "extras"), fields(patch));
        assertTrue(patch.get("extras").toString().contains("\"theme\""), "the portal's own extra kept");
        assertTrue(preview().rows().stream().allMatch(x -> x.action() == Action.UNCHANGED));
    }

    @Test
    void cancelledBeforeTheFirstCallSendsNothing() {
        setup.dataset(manager, "budget-osvity", "Бюджет освіти", true);
        PublishPreview p = preview();
        JobProgress cancelled = new JobProgress() {
            @Override
            public void update(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class, () -> publish.publish(setup.steward, p, cancelled));
        assertTrue(portal.writes().isEmpty());
    }

    @Test
    void withoutAKeyNothingIsSentAndACommunityHasItsOwnKey() {
        setup.dataset(manager, "budget-osvity", "Бюджет освіти", true);
        CkanPublishImpl keyless = new CkanPublishImpl(setup.registryImpl(), new CkanConnection(
                OutboundForTests.allowing(OpendataTestSetup.LOCAL), setup.communities(), java.time.Duration.ofSeconds(5), ""), java.time.Clock.systemUTC());
        assertFalse(keyless.configured());
        PublishPreview p = keyless.preview(setup.steward, portal.base(), "osvita", JobProgress.NONE);
        OpendataException e = assertThrows(OpendataException.class, () -> keyless.publish(setup.steward, p, JobProgress.NONE));
        assertEquals("opendata.error.ckan.noApiKey", e.messageKey());
        assertTrue(portal.writes().isEmpty());

        setup.communities().add(new Community("b", List.of(), Set.of(), Map.of(CkanConfig.PID + "/api.key", "b-key")));
        CkanConnection c = setup.ckanConnection(List.of());
        assertEquals("b-key", setup.communities().callAs("b", () -> c.apiKey().orElseThrow()));
        assertEquals(OpendataTestSetup.API_KEY, c.apiKey().orElseThrow());
    }

    @Test
    void theStewardOnlyPublishes() {
        OpendataException e = assertThrows(OpendataException.class,
                () -> publish.preview(setup.viewer, portal.base(), "osvita", JobProgress.NONE));
        assertEquals(ua.hromada.portal.api.PortalException.Reason.FORBIDDEN, e.reason());
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> s = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
