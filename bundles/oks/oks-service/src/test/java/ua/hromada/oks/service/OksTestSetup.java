package ua.hromada.oks.service;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationListener;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ModuleTestSetup;
import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.TestDatabase;
import ua.hromada.portal.testing.TestImages;

/**
 * The OKS services over a throw-away PostgreSQL database (with PostGIS), a clock the test moves,
 * and one user per role. Shared with the other OKS bundles' tests through the test-jar.
 * As in the portal, the schema is isolated by row-level security after its migrations and the
 * services connect as the application role in the community bound to the running thread
 * ({@link #communities()}; unbound: the default community), never as the owner.
 */
public final class OksTestSetup extends ModuleTestSetup {
    public static final double LAT = 49.5883;
    public static final double LON = 34.5514;

    private final RecordingAuditLog audit = new RecordingAuditLog();
    /** The portal's real job pools: listeners are told on them as in Karaf. */
    private final JobPools pools = new JobPools(java.util.Map.of());
    private final ViolationsImpl violations;
    private final OksCatalogImpl catalog;
    private final OksAnalyticsImpl analytics;
    private final OksDatabase database;

    public final PortalUser inspector = user(1, "inspector", "Інна Інспекторка", OksPermissions.INSPECT);
    public final PortalUser executor = user(2, "executor", "Петро Виконавець", OksPermissions.EXECUTE);
    public final PortalUser otherExecutor = user(3, "other", "Олег Інший", OksPermissions.EXECUTE);
    public final PortalUser admin = user(4, "oksadmin", "Адміністратор ОКС", OksPermissions.ADMINISTER);
    public final PortalUser viewer = user(5, "boss", "Керівник", OksPermissions.VIEW);
    public final PortalUser stranger = user(6, "stranger", "Без ролі");
    public final ExecutorOrganisation org;
    public final ExecutorOrganisation otherOrg;

    public OksTestSetup() {
        // PostGIS and the oks schema (migrated as the SchemaMigrations service does in Karaf, then
        // isolated) are made once per test JVM and copied per test
        this(TestDatabase.prepared("oks", d -> {
            d.execute("CREATE EXTENSION IF NOT EXISTS postgis");
            d.migrate("oks");
        }));
    }

    /** The services over a database the test migrated itself (e.g. an older schema brought up to date). */
    OksTestSetup(TestDatabase migrated) {
        super(migrated);
        OksDatabase oks = new OksDatabase(communityDataSource(), communities(), clock());
        database = oks;
        OksSettings settings = new OksSettings(1024 * 1024, 40_000_000L, 14, 1, new double[] {49.48, 34.39, 49.70, 34.72},
                java.time.ZoneId.of("Europe/Kyiv"), 200);
        violations = new ViolationsImpl(oks, settings, pools.forModule("oks-service"));
        catalog = new OksCatalogImpl(oks, audit);
        analytics = new OksAnalyticsImpl(oks, settings);
        org = catalog.saveExecutor(admin, new ExecutorOrganisation(0, "КП «Декоративні культури»", "dk@example.org",
                "0532 000000", true, List.of("executor")));
        otherOrg = catalog.saveExecutor(admin, new ExecutorOrganisation(0, "Відділ оперативного реагування УЖКГ",
                null, null, true, List.of("other")));
    }

    public static PortalUser user(long id, String username, String name, String... permissions) {
        return new PortalUser(id, username, name, Set.of(), Set.of(permissions));
    }

    public Violations violations() {
        return violations;
    }

    public OksCatalog catalog() {
        return catalog;
    }

    public OksAnalytics analytics() {
        return analytics;
    }

    OksDatabase database() {
        return database;
    }

    /** SQL as the application in the current community, e.g. bulk rows the services then read. */
    public void executeInCommunity(String sql) {
        try (var c = communityDataSource().getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public List<AuditLog.AuditEntry> audit() {
        return audit.entries();
    }

    public void addListener(ViolationListener listener) {
        violations.addListener(listener);
    }

    public ViolationType type(String code) {
        return catalog.typeByCode(code).orElseThrow();
    }

    /** A violation of type "trees" at the centre of Poltava, registered by the inspector. */
    public Violation register(String description) {
        return violations.register(inspector, new NewViolation(type("trees").id(), description, "вул. Соборності, 1",
                LAT, LON, Urgency.NORMAL, null, null, List.of()));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock().instant(), java.time.ZoneId.of("Europe/Kyiv"));
    }

    /** A real PNG image of the given size. */
    public static PhotoUpload png(String name, int width, int height) {
        return new PhotoUpload(name, TestImages.png(filled(width, height, new Color(40, 160, 60))));
    }

    /** A real small JPEG (a camera's format) of the given size. */
    public static PhotoUpload jpeg(String name, int width, int height) {
        return new PhotoUpload(name, TestImages.jpeg(filled(width, height, new Color(120, 90, 40))));
    }

    /**
     * A phone's photo stored sideways by the sensor, {@code width} × {@code height} (orientation 6:
     * upright it is {@code height} × {@code width}), with a GPS position in Poltava and the camera.
     */
    public static byte[] sidewaysPhoneJpeg(int width, int height) {
        return TestImages.phoneJpeg(filled(width, height, new Color(40, 160, 60)),
                new TestImages.PhoneExif(6, LAT, LON, "samsung", "SM-A525F", true));
    }

    private static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** «Звітовано про виконання» with the photo of the work done it requires as shipped. */
    public static TransitionRequest report() {
        return TransitionRequest.of(ActionKind.REPORTED).withPhotos(List.of(jpeg("vykonano.jpg", 64, 48)));
    }

    /** A step with nothing but its kind; the report carries its required photo ({@link #report()}). */
    public static TransitionRequest plainStep(ActionKind kind) {
        return kind == ActionKind.REPORTED ? report() : TransitionRequest.of(kind);
    }

    /** A PNG whose header declares width × height, with one tiny compressed row after it. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[16]);
        deflater.finish();
        byte[] idat = new byte[64];
        chunk(out, "IDAT", java.util.Arrays.copyOf(idat, deflater.deflate(idat)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Override
    public void close() {
        violations.deactivate();
        pools.close();
        super.close();
    }
}
