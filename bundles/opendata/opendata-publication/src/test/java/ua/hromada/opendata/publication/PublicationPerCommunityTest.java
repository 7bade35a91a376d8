package ua.hromada.opendata.publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.publication.ckan.CkanApi;
import ua.hromada.opendata.publication.dcat.CatalogServlet;
import ua.hromada.opendata.service.OpendataTestSetup;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.testing.TestCommunities;

/**
 * Regional hosting: the CKAN API, the DCAT catalogue and the public page of a community show its
 * published datasets and its publisher only; a change in one community's registry leaves the
 * others' copies as they are.
 */
class PublicationPerCommunityTest {

    @AutoClose
    PublicationFixture f;
    TestCommunities communities;
    CkanApi ckan;

    @BeforeEach
    void setUp() {
        f = new PublicationFixture(); // the default community: four published datasets
        communities = f.od.communities();
        communities.add(new Community("a", List.of("a.test"), Set.of(), Map.of(
                PublicationConfig.PID + "/publisher.name", "Решетилівська селищна рада",
                PublicationConfig.PID + "/catalog.title", "Відкриті дані Решетилівки")));
        communities.add(new Community("b", List.of("b.test"), Set.of(),
                Map.of("ua.hromada.portal/community.name", "Громада b")));
        communities.runAs("a", () -> {
            DataManager m = f.od.manager("Фінансовий відділ", OpendataTestSetup.edrpou(1234567));
            f.od.dataset(m, "budget-2026", "Бюджет селища на 2026 рік", true);
        });
        ckan = new CkanApi(f.publication);
    }

    private String ckan(String action, Map<String, String> params) {
        CkanApi.Answer answer = ckan.handle(action, params);
        assertEquals(200, answer.status(), action);
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    @Test
    void eachCommunityPublishesItsOwnDatasets() {
        assertEquals(4, f.publication.snapshot().size(), "the default community's four");
        String all = ckan("package_list", Map.of());
        assertTrue(all.contains("schools") && all.contains("budget-2026"), all);

        communities.runAs("a", () -> {
            assertEquals(1, f.publication.snapshot().size());
            String list = ckan("package_list", Map.of());
            assertTrue(list.contains("budget-2026"), list);
            assertFalse(list.contains("schools"), "another community's dataset: " + list);
            String search = ckan("package_search", Map.of("q", "бюджет"));
            assertTrue(search.contains("Бюджет селища на 2026 рік"), search);
            assertFalse(search.contains("Бюджет міста на 2026 рік"), search);
            assertEquals(404, ckan.handle("package_show", Map.of("id", "schools")).status());
        });
        // the default community's search answer is not a's (the answer caches are per community)
        String search = ckan("package_search", Map.of("q", "бюджет"));
        assertTrue(search.contains("Бюджет міста на 2026 рік") && !search.contains("селища"), search);

        communities.runAs("b", () -> {
            assertEquals(0, f.publication.snapshot().size(), "b publishes nothing");
            assertEquals("[]", ckan("package_list", Map.of()).replaceAll(".*\"result\":\\s*(\\[[^]]*]).*", "$1"));
        });
    }

    @Test
    void thePublisherAndTheCatalogueAreTheCommunitys() {
        PublicationSettings shared = f.publication.settings();
        assertEquals("Полтавська міська рада", shared.publisherName());

        communities.runAs("a", () -> {
            PublicationSettings s = f.publication.settings();
            assertEquals("Решетилівська селищна рада", s.publisherName(), "a's overlay");
            assertEquals("Відкриті дані Решетилівки", s.catalogTitle());
            assertEquals("https://a.test", s.baseUrl(), "the shared address with a's host name");
            assertEquals(shared.licenseId(), s.licenseId(), "what a does not set is shared");
            assertNull(s.publisherEmail(), "the shared contact names the default community's council");
            String turtle = new String(CatalogServlet.write(f.publication.snapshot(), CatalogServlet.Syntax.TURTLE),
                    StandardCharsets.UTF_8);
            assertTrue(turtle.contains("Решетилівська селищна рада"), turtle);
            assertFalse(turtle.contains("Полтавська міська рада"), turtle);
            assertFalse(turtle.contains("Перелік закладів"), "another community's dataset in a's catalogue");
        });
        communities.runAs("b", () -> {
            assertEquals("Громада b", f.publication.settings().publisherName(), "unset: b's own name");
            assertEquals("https://b.test/", f.publication.settings().publisherUri());
        });
    }

    @Test
    void aChangeInOneCommunityLeavesTheOthersCopies() {
        long defaultVersion = f.publication.snapshot().version();
        long aVersion = communities.callAs("a", () -> f.publication.snapshot().version());
        assertNotEquals(defaultVersion, aVersion);

        communities.runAs("a", () -> {
            DataManager m = f.od.registry().managers(f.od.steward).get(0);
            f.od.dataset(m, "schools", "Школи селища", true);
            f.publication.registryChanged(); // as the registry tells its listeners, in the changing community's work
            assertEquals(2, f.publication.snapshot().size(), "a's copy is read again at once");
        });
        assertEquals(defaultVersion, f.publication.snapshot().version(), "the default community's copy stays");
        assertEquals(4, f.publication.snapshot().size());
    }
}
