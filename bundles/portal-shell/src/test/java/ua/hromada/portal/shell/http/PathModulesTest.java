package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.shell.http.PathModules.Servlet;

/** A request path to the module whose servlet serves it, as the servlet container chooses the servlet. */
class PathModulesTest {

    /** The servlets of the running portal: the Vaadin pages and the core's, the modules' APIs and files. */
    private final PathModules portal = new PathModules(List.of(
            new Servlet(List.of("/*"), null, 0, 1),
            new Servlet(List.of("/api/health"), null, 0, 2),
            new Servlet(List.of("/community-logo"), null, 0, 3),
            new Servlet(List.of("/api/open311/v2/*"), "oks", 0, 10),
            new Servlet(List.of("/api/documents", "/api/documents/*"), "docsearch", 0, 11),
            new Servlet(List.of("/api/3/action/*", "/api/action/*"), "opendata", 0, 12),
            new Servlet(List.of("/catalog.ttl", "/catalog.jsonld", "/catalog.rdf"), "opendata", 0, 13),
            new Servlet(List.of("/api/opendata/resources/*"), "opendata", 0, 14),
            new Servlet(List.of("*.geojson"), "oks", 0, 15)));

    @Test
    void aModulesApiAndItsFilesAreItsOwn() {
        assertEquals(Optional.of("oks"), portal.moduleOf("/api/open311/v2/services.json"));
        assertEquals(Optional.of("oks"), portal.moduleOf("/api/open311/v2/requests/17.json"));
        assertEquals(Optional.of("oks"), portal.moduleOf("/api/open311/v2"), "/x/* matches /x itself");
        assertEquals(Optional.of("docsearch"), portal.moduleOf("/api/documents"));
        assertEquals(Optional.of("docsearch"), portal.moduleOf("/api/documents/42/file"));
        assertEquals(Optional.of("opendata"), portal.moduleOf("/api/3/action/package_list"));
        assertEquals(Optional.of("opendata"), portal.moduleOf("/catalog.ttl"));
        assertEquals(Optional.of("opendata"), portal.moduleOf("/api/opendata/resources/5/download"));
        // as in the container, a path prefix (here the pages' /*) is chosen before an extension pattern
        assertEquals(Optional.empty(), portal.moduleOf("/maps/violations.geojson"));
    }

    @Test
    void theCoresAddressesAndThePagesAreNoModulesEvenWhereAModulesPrefixIsNear() {
        assertEquals(Optional.empty(), portal.moduleOf("/api/health"));
        assertEquals(Optional.empty(), portal.moduleOf("/community-logo"));
        assertEquals(Optional.empty(), portal.moduleOf("/"));
        assertEquals(Optional.empty(), portal.moduleOf(""));
        assertEquals(Optional.empty(), portal.moduleOf("/oks/violations"), "a page: the Vaadin servlet");
        assertEquals(Optional.empty(), portal.moduleOf("/api/documentsX"), "not under /api/documents/");
        assertEquals(Optional.empty(), portal.moduleOf("/catalog.ttl/x"));
        assertEquals(Optional.empty(), portal.moduleOf("/api/open311"));
        assertEquals(Optional.empty(), new PathModules(List.of()).moduleOf("/api/open311/v2/x"), "no servlets yet");
    }

    @Test
    void theLongestPrefixAndAnExactPatternWinAsInTheServletContainer() {
        PathModules p = new PathModules(List.of(
                new Servlet(List.of("/api/*"), "broad", 0, 1),
                new Servlet(List.of("/api/a/*"), "a", 0, 2),
                new Servlet(List.of("/api/a/b/*"), "b", 0, 3),
                new Servlet(List.of("/api/a/b/exact"), null, 0, 4),
                new Servlet(List.of("*.json"), "json", 0, 5)));
        assertEquals(Optional.of("b"), p.moduleOf("/api/a/b/c.json"), "a path prefix before an extension");
        assertEquals(Optional.of("a"), p.moduleOf("/api/a/x"));
        assertEquals(Optional.of("broad"), p.moduleOf("/api/x/y"));
        assertEquals(Optional.empty(), p.moduleOf("/api/a/b/exact"));
        assertEquals(Optional.of("json"), p.moduleOf("/other/data.json"));
    }

    @Test
    void twoServletsOnOnePatternGoToTheHigherRankingThenTheOlder() {
        PathModules p = new PathModules(List.of(
                new Servlet(List.of("/api/x/*"), "newer", 0, 20),
                new Servlet(List.of("/api/x/*"), "older", 0, 10),
                new Servlet(List.of("/api/y/*"), "low", 0, 1),
                new Servlet(List.of("/api/y/*"), "ranked", 5, 30)));
        assertEquals(Optional.of("older"), p.moduleOf("/api/x/1"));
        assertEquals(Optional.of("ranked"), p.moduleOf("/api/y/1"));
    }

    @Test
    void aPatternPropertyIsOneStringOrSeveral() {
        assertEquals(List.of("/a"), ServletModules.patterns("/a"));
        assertEquals(List.of("/a", "/b/*"), ServletModules.patterns(new String[] { "/a", "/b/*" }));
        assertEquals(List.of("/a"), ServletModules.patterns(List.of("/a")));
        assertEquals(List.of(), ServletModules.patterns(null));
    }
}
