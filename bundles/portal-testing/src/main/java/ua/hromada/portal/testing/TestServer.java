package ua.hromada.portal.testing;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.CommunityScope;

/**
 * Servlets over real HTTP for a test: the Jetty 12 the portal runs on, on 127.0.0.1 and a free
 * port, the servlets at their path specs in the root context; and a client for plain GETs and
 * POSTs to it. Needs {@code org.apache.felix.http.jetty12} on the test's class path.
 */
public final class TestServer implements AutoCloseable {

    private final Server jetty = new Server();
    private final ServerConnector connector = new ServerConnector(jetty);
    private final ServletContextHandler context = new ServletContextHandler();
    private final HttpClient http = HttpClient.newHttpClient();

    public TestServer() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        context.setContextPath("/");
    }

    /** Serves {@code servlet} at {@code pathSpec} (e.g. {@code /api/3/action/*}) once started. */
    public TestServer serve(String pathSpec, Servlet servlet) {
        context.addServlet(new ServletHolder(servlet), pathSpec);
        return this;
    }

    /**
     * Serves {@code servlet} at {@code pathSpec} as the portal serves a module's servlet: each request
     * runs with the community its host name names ({@code communities.forHost}) bound, as the
     * portal's community filter binds it.
     */
    public TestServer serveInCommunity(String pathSpec, Servlet servlet, Communities communities) {
        return serve(pathSpec, new CommunityBound(servlet, communities));
    }

    /** The servlet with the request's community bound while it runs. */
    private static final class CommunityBound extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Servlet target;
        private final transient Communities communities;

        CommunityBound(Servlet target, Communities communities) {
            this.target = target;
            this.communities = communities;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            String community = communities.forHost(request.getServerName()).id();
            try (CommunityScope bound = communities.enter(community)) {
                target.service(request, response);
            }
        }
    }

    public TestServer start() throws Exception {
        jetty.setHandler(context);
        jetty.start();
        return this;
    }

    /** The port Jetty listens on (known once started). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String address() {
        return "http://127.0.0.1:" + port();
    }

    /** Any request (absolute URL), the answer's body as bytes. */
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET of {@code url} (absolute), the answer's body as bytes. */
    public HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** A POST of {@code body} as {@code contentType} to {@code url} (absolute), the answer's body as bytes. */
    public HttpResponse<byte[]> post(String url, String contentType, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** An answer read off the wire: the status, the Content-Type (empty without one) and the body as text. */
    public record RawAnswer(int status, String contentType, String body) {
    }

    /**
     * A GET of {@code pathAndQuery} sent exactly as written over a plain socket: java.net.http refuses
     * to send what a careless or hostile client does (a broken percent escape). The connection closes
     * after the answer, which is read to its end.
     */
    public RawAnswer getRaw(String pathAndQuery) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, headEnd);
            Matcher type = Pattern.compile("(?im)^content-type:\\s*(.*)$").matcher(head);
            return new RawAnswer(Integer.parseInt(head.substring(9, 12)), type.find() ? type.group(1).strip() : "",
                    answer.substring(headEnd + 4));
        }
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }
}
