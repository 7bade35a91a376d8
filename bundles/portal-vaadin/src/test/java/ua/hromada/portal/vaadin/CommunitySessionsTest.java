package ua.hromada.portal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.server.VaadinServletRequest;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.TestServer;

/**
 * Vaadin's request start binds the community of the host the browser addressed (the one binding a
 * push message gets), the VaadinSession's attribute name carries it, and the request's end
 * restores what was bound before. Over real HTTP: "localhost" and "127.0.0.1" reach one server.
 */
class CommunitySessionsTest {

    private static final TestCommunities COMMUNITIES = new TestCommunities().add("poltava", "localhost");
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer().serve("/*", new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                VaadinServletRequest vaadinRequest = new VaadinServletRequest(request, null);
                StringBuilder seen = new StringBuilder();
                CommunitySessions.start(COMMUNITIES, vaadinRequest);
                try {
                    seen.append(COMMUNITIES.current().id()).append(' ')
                            .append(CommunitySessions.attribute("session", COMMUNITIES)).append(' ')
                            .append(CommunitySessions.started(vaadinRequest));
                } finally {
                    CommunitySessions.end(vaadinRequest);
                }
                seen.append(' ').append(COMMUNITIES.current().id()).append(' ')
                        .append(CommunitySessions.started(vaadinRequest));
                response.getWriter().write(seen.toString());
            }
        }).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String get(String host) throws Exception {
        return new String(server.get("http://" + host + ":" + server.port() + "/VAADIN/push").body(),
                StandardCharsets.UTF_8);
    }

    @Test
    void requestRunsAsItsHostsCommunityUntilItEnds() throws Exception {
        assertEquals("poltava session.poltava true default false", get("localhost"));
        assertEquals("default session.default true default false", get("127.0.0.1"));
    }
}
