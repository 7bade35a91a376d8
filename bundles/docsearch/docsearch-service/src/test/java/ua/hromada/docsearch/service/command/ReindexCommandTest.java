package ua.hromada.docsearch.service.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult;
import ua.hromada.portal.api.jobs.JobProgress;
import ua.hromada.portal.testing.TestCommunities;

/**
 * docsearch:reindex (issue 18): every community's index, each rebuilt as that community, or the one
 * --community names; the rebuild itself is the service's (tested with it).
 */
class ReindexCommandTest {
    private final TestCommunities communities = new TestCommunities().add("a").add("b");
    /** The community each reindex ran as; "cancel" stops the one of that community. */
    private final List<String> reindexed = new ArrayList<>();
    private String cancelIn;

    private final LegalActSearch search = new LegalActSearch() {
        @Override
        public SearchResult search(SearchQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long reindex(JobProgress progress) {
            String id = communities.current().id();
            reindexed.add(id);
            return id.equals(cancelIn) ? -1 : id.length();
        }
    };

    private String run(String community) {
        ReindexCommand command = new ReindexCommand();
        command.search = search;
        command.communities = communities;
        command.community = community;
        command.quiet = true;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            command.execute();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutAnOptionEveryCommunityIsReindexedAsItself() {
        String printed = run(null);
        assertEquals(List.of("default", "a", "b"), reindexed);
        assertTrue(printed.contains("a (a)") && printed.contains("b (b)") && printed.contains("default (default)"),
                printed);
    }

    @Test
    void theOptionNamesTheOneCommunity() {
        run(" b ");
        assertEquals(List.of("b"), reindexed);
    }

    @Test
    void anUnknownCommunityIsSaidAndNothingIsReindexed() {
        String printed = run("nowhere");
        assertEquals(List.of(), reindexed);
        assertTrue(printed.contains("nowhere"), printed);
    }

    @Test
    void cancellingStopsBeforeTheNextCommunity() {
        cancelIn = "a";
        run(null);
        assertEquals(List.of("default", "a"), reindexed);
    }
}
