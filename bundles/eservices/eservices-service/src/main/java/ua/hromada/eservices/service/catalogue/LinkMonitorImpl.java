package ua.hromada.eservices.service.catalogue;

import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.LinkCheck;
import ua.hromada.eservices.api.LinkMonitor;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.eservices.service.mail.Mailer;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.JobTask;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.api.outbound.OutboundHttp;
import ua.hromada.portal.api.outbound.OutboundPolicy;

/**
 * The link monitor: every interval each community's service addresses are checked one after the
 * other ({@link LinkProbe}) on the job pool {@value #POOL}; a service whose link turns broken has its
 * owner unit e-mailed once (not again while it stays broken). History older than 90 days is dropped.
 */
@Component(service = LinkMonitor.class, configurationPid = LinksConfig.PID)
@Designate(ocd = LinksConfig.class)
public class LinkMonitorImpl implements LinkMonitor {
    static final String POOL = "eservices.links";
    static final Duration UPTIME_WINDOW = Duration.ofDays(30);
    static final Duration KEPT = Duration.ofDays(90);
    private static final Logger LOG = LoggerFactory.getLogger(LinkMonitorImpl.class);

    private final EservicesDatabase database;
    private final Communities communities;
    private final PortalSettings settings;
    private final Mailer mailer;
    private final LinkProbe probe;
    private final Job<Void> schedule;
    private final MessageBundle texts = MessageBundle.of("i18n.eservices-monitor", LinkMonitorImpl.class.getClassLoader());

    @Activate
    public LinkMonitorImpl(@Reference EservicesDatabase database, @Reference Jobs jobs,
            @Reference Communities communities, @Reference PortalSettings settings, @Reference Mailer mailer,
            @Reference OutboundHttp outbound, LinksConfig config) {
        this.database = database;
        this.communities = communities;
        this.settings = settings;
        this.mailer = mailer;
        Duration timeout = Duration.ofSeconds(Math.max(1, config.timeout_seconds()));
        this.probe = new LinkProbe(outbound, OutboundPolicy.allowing("allowed.networks",
                config.allowed_networks() == null ? List.of() : Arrays.asList(config.allowed_networks())), timeout,
                Math.max(0, config.max_redirects()), config.user_agent());
        if (config.interval_minutes() > 0) {
            Duration every = Duration.ofMinutes(config.interval_minutes());
            // the first round a minute after start: the portal's start is busy enough
            this.schedule = jobs.repeat(POOL, "check the e-services' links", Duration.ofMinutes(1), every,
                    // one node of several checks them (docs/cluster.md)
                    jobs.onOneNode("eservices.link-check", every.dividedBy(2), JobTask.of(this::checkEveryCommunity)));
        } else {
            LOG.info("E-services link monitor: no schedule (interval.minutes = 0 in {}.cfg)", LinksConfig.PID);
            this.schedule = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (schedule != null) {
            schedule.cancel();
        }
    }

    /** One round: every community's links, each as its own community. */
    void checkEveryCommunity() {
        for (Community community : communities.all()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                communities.runAs(community.id(), this::checkAll);
            } catch (RuntimeException e) {
                // one community's failure (its database work) must not stop the others' checks
                LOG.warn("E-services links of community {} not checked", community.id(), e);
            }
        }
    }

    /** Checks every service of the current community and drops the old history. */
    void checkAll() {
        for (LinkStore.Watched w : database.read(LinkStore::watched)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            check(w);
        }
        Instant before = settings.clock().instant().minus(KEPT);
        database.tx(c -> LinkStore.prune(c, before));
    }

    private Optional<LinkCheck> check(LinkStore.Watched w) {
        LinkProbe.Result result = probe.check(w.url());
        Instant at = settings.clock().instant();
        Optional<LinkStore.Recorded> recorded = database.tx(c -> LinkStore.record(c, w, result, at));
        recorded.filter(LinkStore.Recorded::turnedBroken).ifPresent(r -> tellOwner(r.check()));
        return recorded.map(LinkStore.Recorded::check);
    }

    /** E-mails the owner unit, if the service has one with an address, that its link has broken. */
    private void tellOwner(LinkCheck check) {
        database.read(c -> LinkStore.owner(c, check.serviceId())).ifPresent(owner -> {
            String reason = check.statusCode() != null && LinkProbe.STATUS.equals(check.error())
                    ? text("eservices.monitor.reason.status", check.statusCode())
                    : text("eservices.monitor.reason." + check.error());
            String subject = text("eservices.monitor.mail.subject", owner[0]);
            String body = text("eservices.monitor.mail.text", owner[2], owner[0], owner[1], reason,
                    LinkStore.FAILURES_BEFORE_BROKEN, settings.publicUrl() + "eservices/catalogue");
            mailer.send(owner[3], subject, body);
            LOG.info("E-services link of service {} broken: its unit was e-mailed", check.serviceId());
        });
    }

    private String text(String key, Object... args) {
        String pattern = texts.message(key, Locale.forLanguageTag("uk")).orElse(key);
        return new MessageFormat(pattern, Locale.forLanguageTag("uk")).format(args);
    }

    @Override
    public LinkCheck checkNow(PortalUser user, long serviceId) {
        CatalogueRules.requireEditor(user);
        LinkStore.Watched w = database.read(c -> LinkStore.watched(c, serviceId))
                .orElseThrow(() -> new EservicesException(Reason.NOT_FOUND, "eservices.error.notFound"));
        return check(w).orElseThrow(() -> new EservicesException(Reason.CONFLICT, "eservices.catalogue.link.changed"));
    }

    @Override
    public List<LinkCheck> history(PortalUser user, long serviceId, int offset, int limit) {
        CatalogueRules.requireEditor(user);
        return database.read(c -> LinkStore.history(c, serviceId, Math.max(0, offset), Math.min(Math.max(0, limit), 500)));
    }

    @Override
    public long historyCount(PortalUser user, long serviceId) {
        CatalogueRules.requireEditor(user);
        return database.read(c -> LinkStore.historyCount(c, serviceId));
    }

    @Override
    public OptionalDouble uptime(PortalUser user, long serviceId) {
        CatalogueRules.requireEditor(user);
        Instant since = settings.clock().instant().minus(UPTIME_WINDOW);
        return database.read(c -> LinkStore.uptime(c, serviceId, since));
    }

    @Override
    public List<EService> broken(PortalUser user) {
        CatalogueRules.requireEditor(user);
        ServiceQuery q = new ServiceQuery(null, null, null, null, null, null, null, true);
        return database.read(c -> ServiceStore.list(c, q, false, 0, ServiceCatalogueImpl.MAX_LIMIT));
    }
}
