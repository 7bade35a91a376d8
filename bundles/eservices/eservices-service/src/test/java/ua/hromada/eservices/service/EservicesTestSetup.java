package ua.hromada.eservices.service;

import java.util.Map;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.eservices.service.appeals.AppealIntakeImpl;
import ua.hromada.eservices.service.appeals.AppealSettings;
import ua.hromada.eservices.service.appeals.AppealTopicsImpl;
import ua.hromada.eservices.service.appeals.AppealsImpl;
import ua.hromada.eservices.service.appeals.ApplicantCabinetImpl;
import ua.hromada.eservices.service.appeals.EservicesConfig;
import ua.hromada.eservices.service.appeals.Handovers;
import ua.hromada.eservices.service.appeals.PublicAppealsImpl;
import ua.hromada.eservices.service.appeals.ShippedTopics;
import ua.hromada.eservices.service.catalogue.CatalogueTransferImpl;
import ua.hromada.eservices.service.catalogue.LinkMonitorImpl;
import ua.hromada.eservices.service.catalogue.LinksConfig;
import ua.hromada.eservices.service.catalogue.ServiceCatalogueImpl;
import ua.hromada.eservices.service.mail.MailSettings;
import ua.hromada.eservices.service.mail.Mailer;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.jobs.JobPools;
import ua.hromada.portal.testing.ModuleTestSetup;
import ua.hromada.portal.testing.RecordingAuditLog;
import ua.hromada.portal.testing.ShippedConfig;
import ua.hromada.portal.testing.TestDatabase;
import ua.hromada.portal.testing.TestPortalSettings;

/**
 * The real e-services services over a throw-away PostgreSQL database (the community DataSource,
 * row-level security, the default community unless a test adds others), an in-memory audit log,
 * the portal's real job pools and one user per role. Shared with the UI bundle's tests through the
 * test-jar. Each part of the module adds its services here.
 */
public final class EservicesTestSetup extends ModuleTestSetup {
    private final RecordingAuditLog audit = new RecordingAuditLog();
    private final JobPools pools = new JobPools(java.util.Map.of());
    private final EservicesDatabase database;
    private final UnitsImpl units;
    /** The portal's settings as shipped, "now" from this set-up's clock. */
    private final PortalSettings settings;
    private final ServiceCatalogueImpl catalogue;
    private final CatalogueTransferImpl transfer;
    private final LinkMonitorImpl monitor;
    /** E-appeals: a local SMTP port (the server starts with {@link #mailServer()}), shipped settings. */
    private final int smtpPort;
    private GreenMail smtp;
    private final Mailer mailer;
    private final Handovers handovers = new Handovers();
    private final AppealSettings appealSettings;
    private final AppealTopicsImpl topics;
    private final AppealIntakeImpl intake;
    private final AppealsImpl appeals;
    private final ApplicantCabinetImpl cabinet;
    private final PublicAppealsImpl publicAppeals;

    /** Manages units, topics and every appeal. */
    public final PortalUser manager = user(1, "manager", "Оксана Керівниця", Set.of(), EservicesPermissions.MANAGE);
    /** Edits the service catalogue. */
    public final PortalUser editor = user(2, "editor", "Богдан Редактор", Set.of(), EservicesPermissions.CATALOGUE);
    /** Handles the appeals of the units with the role "blagoustrii". */
    public final PortalUser clerk = user(3, "clerk", "Ірина Виконавиця", Set.of("blagoustrii"),
            EservicesPermissions.APPEALS);
    /** Signed in, no e-services right. */
    public final PortalUser stranger = user(4, "stranger", "Без ролі", Set.of());

    public EservicesTestSetup() {
        super(TestDatabase.prepared("eservices", d -> d.migrate("eservices")));
        database = new EservicesDatabase(communityDataSource());
        units = new UnitsImpl(database, audit);
        settings = new TestPortalSettings().clocked(clock());
        catalogue = new ServiceCatalogueImpl(database, audit);
        transfer = new CatalogueTransferImpl(database, audit, new ua.hromada.portal.tables.TableFilesImpl());
        monitor = linkMonitor(Mailer.of(new MailSettings(false, "", 25, "", "", "", "none", 1000, 1000, 1, 0),
                pools.forModule("eservices"), communities(), clock()), Map.of());
        smtpPort = freePort();
        mailer = Mailer.of(MailSettings.local(smtpPort, "Звернення громадян <zvernennia@rada.example>", 1, 0),
                pools.forModule("eservices"), communities(), clock());
        appealSettings = appealSettings(Map.of());
        topics = new AppealTopicsImpl(database, audit, handovers);
        intake = intake(appealSettings);
        appeals = new AppealsImpl(database, audit, appealSettings, units, mailer);
        cabinet = new ApplicantCabinetImpl(database, appealSettings, mailer);
        publicAppeals = new PublicAppealsImpl(database);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The shipped config/ua.hromada.eservices.cfg with {@code overrides} ("rate.per.address" = 2, ...). */
    public AppealSettings appealSettings(Map<String, ?> overrides) {
        try {
            java.util.Properties values = ShippedConfig.read(EservicesConfig.PID);
            overrides.forEach((k, v) -> values.setProperty(k, String.valueOf(v)));
            return new AppealSettings(settings, ShippedConfig.as(EservicesConfig.class, values));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An intake with other settings (limits, holidays) over the same database, mailer and hand-overs. */
    public AppealIntakeImpl intake(AppealSettings appealSettings) {
        return new AppealIntakeImpl(database, audit, appealSettings, communities(), handovers, mailer);
    }

    /** The shipped topics and their units in the current community (the portal seeds them at start). */
    public void shipTopics() {
        database.tx(ShippedTopics::seedIfNew);
    }

    /** The local SMTP server the {@link #mailer()} sends to, started at the first call. */
    public synchronized GreenMail mailServer() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        return smtp;
    }

    /** E-mail to the local server of {@link #mailServer()}: one attempt, so a test without it is not held up. */
    public Mailer mailer() {
        return mailer;
    }

    public Handovers handovers() {
        return handovers;
    }

    public AppealSettings appealSettings() {
        return appealSettings;
    }

    public AppealTopicsImpl topics() {
        return topics;
    }

    public AppealIntakeImpl intake() {
        return intake;
    }

    public AppealsImpl appeals() {
        return appeals;
    }

    public ApplicantCabinetImpl cabinet() {
        return cabinet;
    }

    public PublicAppealsImpl publicAppeals() {
        return publicAppeals;
    }

    public static PortalUser user(long id, String username, String name, Set<String> roles, String... permissions) {
        return new PortalUser(id, username, name, roles, Set.of(permissions));
    }

    public EservicesDatabase database() {
        return database;
    }

    public RecordingAuditLog audit() {
        return audit;
    }

    public JobPools pools() {
        return pools;
    }

    public UnitsImpl units() {
        return units;
    }

    public PortalSettings settings() {
        return settings;
    }

    public ServiceCatalogueImpl catalogue() {
        return catalogue;
    }

    public CatalogueTransferImpl transfer() {
        return transfer;
    }

    /** The link monitor without a schedule and with e-mail off. */
    public LinkMonitorImpl monitor() {
        return monitor;
    }

    /** A link monitor with this mailer and configuration (no schedule unless interval.minutes is given). */
    public LinkMonitorImpl linkMonitor(Mailer mailer, Map<String, ?> config) {
        // the tests' link servers listen on 127.0.0.1, which the shipped (empty) allowed.networks refuses
        Map<String, Object> values = new java.util.HashMap<>(Map.of("interval.minutes", 0, "timeout.seconds", 2,
                "allowed.networks", "127.0.0.1"));
        values.putAll(config);
        return new LinkMonitorImpl(database, pools.forModule("eservices"), communities(), settings, mailer,
                new ua.hromada.portal.outbound.OutboundHttpImpl(), ShippedConfig.as(LinksConfig.class, values));
    }

    @Override
    public void close() {
        pools.close();
        synchronized (this) {
            if (smtp != null) {
                smtp.stop();
            }
        }
        super.close();
    }
}
