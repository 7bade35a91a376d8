package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.service.OksTestSetup;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestPortalSettings;
import ua.hromada.portal.testing.TestServer;
import ua.hromada.portal.outbound.OutboundHttpImpl;
import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * A resident's {@code media_url} (issue 15): read from a local media server and stored as the
 * case's photo without its GPS position when {@code media.fetch} is on; refused for private
 * addresses (before and after redirects), a slow server, a file too big or not a photo, and then
 * the request is still registered with the link in its description.
 */
class Open311MediaTest {
    private static final String KEY = "9f2c41d7e08b5a63c1f4e2d9b7a60c35";
    private static final byte[] PHOTO = OksTestSetup.sidewaysPhoneJpeg(400, 300);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);
    private static final AtomicInteger HITS = new AtomicInteger();
    @AutoClose
    private static OksTestSetup oks;
    @AutoClose
    private static TestServer server;
    private static String media;

    /** The media server's answers, by the last segment of the path. */
    private static final class MediaServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HITS.incrementAndGet();
            String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
            switch (name) {
                case "photo.jpg" -> send(resp, "image/jpeg", PHOTO, true);
                case "moved" -> resp.sendRedirect(media + "photo.jpg");
                case "to-private" -> resp.sendRedirect("http://127.0.0.2:" + server.port() + "/media/photo.jpg");
                case "to-ftp" -> resp.sendRedirect("ftp://127.0.0.1/photo.jpg");
                case "loop" -> resp.sendRedirect(media + "loop");
                case "big.jpg" -> send(resp, "image/jpeg", new byte[3 * 1024 * 1024], true);
                case "big-stream.jpg" -> send(resp, "image/jpeg", new byte[3 * 1024 * 1024], false);
                case "text.jpg" -> send(resp, "image/jpeg", "це не фото".getBytes(StandardCharsets.UTF_8), true);
                case "slow.jpg" -> {
                    try {
                        RELEASE.await(60, TimeUnit.SECONDS); // released when the tests end
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    send(resp, "image/jpeg", PHOTO, true);
                }
                default -> resp.sendError(404);
            }
        }

        private static void send(HttpServletResponse resp, String type, byte[] body, boolean length) throws IOException {
            resp.setContentType(type);
            if (length) {
                resp.setContentLength(body.length);
            }
            for (int i = 0; i < body.length; i += 64 * 1024) {
                resp.getOutputStream().write(body, i, Math.min(64 * 1024, body.length - i));
                resp.getOutputStream().flush(); // without a length: sent as it goes, until the connection closes
            }
        }
    }

    @BeforeAll
    static void start() throws Exception {
        oks = new OksTestSetup();
        server = new TestServer().serve("/media/*", new MediaServlet()).start();
        media = server.address() + "/media/";
    }

    @AfterAll
    static void release() {
        RELEASE.countDown();
    }

    /** A fetcher that may read the test's server on 127.0.0.1 (and nothing else that is not public). */
    private static MediaFetcher local(Duration timeout) {
        return new MediaFetcher(new OutboundHttpImpl(), OutboundPolicy.allowing("media.allowedNetworks", List.of("127.0.0.1/32")), timeout);
    }

    private static String refusal(MediaFetcher fetcher, String url, long maxBytes) {
        return assertThrows(MediaFetcher.Refused.class, () -> fetcher.fetch(url, maxBytes)).getMessage();
    }

    private static Open311Api api(Map<String, String> media) {
        Map<String, String> settings = new HashMap<>(Map.of("apiKeys", KEY));
        settings.putAll(media);
        return new Open311Api(oks.violations(), oks.catalog(), Open311Config.from(settings, TestPortalSettings.KYIV),
                new Texts(List::of), oks.clock(), new OutboundHttpImpl());
    }

    private static Violation report(Open311Api api, String mediaUrl) {
        Map<String, String[]> form = new HashMap<>();
        form.put("api_key", new String[] { KEY });
        form.put("service_code", new String[] { "trees" });
        form.put("lat", new String[] { String.valueOf(OksTestSetup.LAT) });
        form.put("long", new String[] { String.valueOf(OksTestSetup.LON) });
        form.put("description", new String[] { "Гілка впала на тротуар" });
        form.put("media_url", new String[] { mediaUrl });
        Open311Api.Response r = api.handle("POST", "/requests.json", form, "application/x-www-form-urlencoded", null,
                new Open311Api.Caller("203.0.113.9", false));
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals(200, r.status(), body);
        long id = SpecFields.json(r.body()).get(0).get("service_request_id").asLong();
        return oks.violations().findPublic(id).orElseThrow();
    }

    private static List<PhotoInfo> photos(Violation v) {
        return oks.violations().journal(oks.inspector, v.id()).get(0).photos();
    }

    @Test
    void aMediaUrlIsStoredAsAnUprightPhotoWithoutItsGps() throws IOException {
        Violation v = report(api(Map.of("media.fetch", "true", "media.allowedNetworks", "127.0.0.1")), media + "photo.jpg");
        assertTrue(v.description().contains(media + "photo.jpg"), "the link stays in the description");
        List<PhotoInfo> photos = photos(v);
        assertEquals(1, photos.size());
        assertEquals("photo.jpg", photos.get(0).fileName());
        assertEquals(300, photos.get(0).width(), "turned upright: the portrait is 300 wide");
        byte[] served = oks.violations().photo(oks.inspector, photos.get(0).id(), false).orElseThrow().content();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served));
        assertEquals(400, image.getHeight());
        String raw = new String(served, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("Exif\0\0") || raw.contains("GPSLatitude") || raw.contains("SM-A525F"),
                "no EXIF block, XMP position or camera");
    }

    @Test
    void fetchingIsOffUnlessConfiguredAndAFailureStillRegistersTheRequest() {
        int before = HITS.get();
        Violation off = report(api(Map.of()), media + "photo.jpg");
        assertEquals(before, HITS.get(), "media.fetch is false by default: the server is never asked");
        assertTrue(photos(off).isEmpty());
        assertTrue(off.description().contains(media + "photo.jpg"));

        // on, but 127.0.0.1 is not allowed: refused before connecting, the request is registered all the same
        Violation refused = report(api(Map.of("media.fetch", "true")), media + "photo.jpg");
        assertEquals(before, HITS.get(), "no connection to a loopback address");
        assertTrue(photos(refused).isEmpty());
        assertTrue(refused.description().contains(media + "photo.jpg"));

        Violation notAPhoto = report(api(Map.of("media.fetch", "true", "media.allowedNetworks", "127.0.0.1")),
                media + "text.jpg");
        assertTrue(photos(notAPhoto).isEmpty(), "a .jpg that is text is not stored");
        assertTrue(notAPhoto.description().contains(media + "text.jpg"));
    }

    @Test
    void redirectsAreFollowedAndEachAddressIsChecked() throws Exception {
        MediaFetcher fetcher = local(Duration.ofSeconds(10));
        MediaFetcher.Fetched moved = fetcher.fetch(media + "moved", 1 << 20);
        assertEquals("photo.jpg", moved.fileName(), "named after the address it came from in the end");
        assertEquals(PHOTO.length, moved.content().length);
        assertTrue(refusal(fetcher, media + "to-private", 1 << 20).contains("127.0.0.2"),
                "127.0.0.2 is loopback and not in the allowed networks");
        assertTrue(refusal(fetcher, media + "to-ftp", 1 << 20).contains("only http and https"));
        assertTrue(refusal(fetcher, media + "loop", 1 << 20).contains("redirects"));
    }

    @Test
    void privateLoopbackAndLinkLocalAddressesAreRefused() throws Exception {
        MediaFetcher strict = new MediaFetcher(new OutboundHttpImpl(), OutboundPolicy.allowing("media.allowedNetworks", List.of()), Duration.ofSeconds(5));
        for (String url : List.of(media + "photo.jpg", "http://localhost:" + server.port() + "/media/photo.jpg",
                "http://10.1.2.3/a.jpg", "http://192.168.0.10/a.jpg", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/a.jpg", "http://[::1]/a.jpg", "http://[fd00::1]/a.jpg", "http://0.0.0.0/a.jpg",
                "https://[64:ff9b::a00:1]/a.jpg")) {
            assertTrue(refusal(strict, url, 1 << 20).contains("not a public address"), url);
        }
        // which addresses are public: portal-outbound's OutboundHttpImplTest
        assertThrows(IllegalArgumentException.class,
                () -> Open311Config.from(Map.of("media.allowedNetworks", "media.example.org"), TestPortalSettings.KYIV));
        assertThrows(IllegalArgumentException.class,
                () -> Open311Config.from(Map.of("media.fetch", "yes"), TestPortalSettings.KYIV));
    }

    @Test
    void theShippedConfigurationReadsNoMediaUrl() throws IOException {
        Map<String, Object> shipped = new HashMap<>();
        ShippedConfig.read(Open311Config.PID).forEach((k, v) -> shipped.put((String) k, v));
        Open311Config.Media m = Open311Config.from(shipped, TestPortalSettings.KYIV).media();
        assertFalse(m.fetch());
        assertEquals(10L << 20, m.maxBytes());
        assertEquals(Duration.ofSeconds(10), m.timeout());
        assertTrue(m.allowedNetworks().isEmpty());
    }

    @Test
    void aSlowServerTimesOut() {
        String reason = refusal(local(Duration.ofSeconds(1)), media + "slow.jpg", 1 << 20);
        assertTrue(reason.contains("no answer within 1 s"), reason);
    }

    @Test
    void aFileTooBigIsRefusedWithOrWithoutItsLength() {
        MediaFetcher fetcher = local(Duration.ofSeconds(10));
        assertTrue(refusal(fetcher, media + "big.jpg", 1 << 20).contains("more than 1048576"), "by Content-Length");
        assertTrue(refusal(fetcher, media + "big-stream.jpg", 1 << 20).contains("larger than 1048576"),
                "counted while reading");
    }
}
