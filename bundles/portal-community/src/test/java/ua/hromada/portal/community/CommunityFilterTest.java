package ua.hromada.portal.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.testing.TestServer;

/**
 * Requests over real HTTP: one portal process answers "localhost" as one community and
 * "127.0.0.1" (no community claims it) as the default one; the binding ends with the request.
 */
class CommunityFilterTest {

    private static OsgiFramework osgi;
    private static CommunitiesImpl communities;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        osgi = new OsgiFramework();
        communities = new CommunitiesImpl(osgi.configurations(), osgi.etc());
        communities.save(new Community("poltava", List.of("localhost"), Set.of(), Map.of()));
        CommunityFilter filter = new CommunityFilter(communities);
        server = new TestServer().serve("/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws ServletException, IOException {
                filter.doFilter(request, response, (req, res) -> res.getWriter().write(communities.current().id()));
                // after the chain the thread is free of it again
                response.getWriter().write("|" + communities.current().id());
            }
        }).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        osgi.close();
    }

    private static String get(String host) throws Exception {
        return new String(server.get("http://" + host + ":" + server.port() + "/any").body(), StandardCharsets.UTF_8);
    }

    @Test
    void requestRunsAsTheCommunityOfItsHostName() throws Exception {
        assertEquals("poltava|default", get("localhost"));
        assertEquals("default|default", get("127.0.0.1"));
    }
}
