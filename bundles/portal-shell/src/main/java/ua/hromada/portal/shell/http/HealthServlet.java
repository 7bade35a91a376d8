package ua.hromada.portal.shell.http;

import ua.hromada.portal.api.PortalHttp;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.shell.core.ModuleBoot;
import ua.hromada.portal.shell.core.PortalSettingsImpl;
import ua.hromada.portal.shell.core.ShellApplication;
import ua.hromada.portal.shell.core.ShellRegistry;

/**
 * {@code GET /api/health}: overall status and database reachability for anyone (monitoring needs
 * no login); the community of the host name with its modules, their versions, its page routes
 * with their permissions, its APIs and the live session count only for an administrator's session or a local caller (a request from
 * the loopback address that no reverse proxy forwarded). Never secrets: no URLs or users. Until
 * every module meant to run is active with its pages and servlets registered the status is
 * {@code STARTING} with HTTP 503 (on a restart too, while the framework starts the bundles it
 * had), so a load balancer or a script does not send people to a portal whose modules are half
 * started; {@code DEGRADED} (200) names in {@code problems} the module that failed and why. The
 * decision itself is {@link Readiness}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/health")
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Service property an API servlet may declare: the permission its requests need. */
    public static final String API_PERMISSION = "hromada.api.permission";
    private final transient ObjectMapper json = new ObjectMapper();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(dataSourceName=hromada)")
    private volatile DataSource dataSource;

    /** Karaf registers this service once every boot feature is installed and started. */
    static final String BOOT_FINISHED = "(objectClass=org.apache.karaf.features.BootFinished)";
    /**
     * Karaf never registers it when a boot feature fails to install; after this long the portal
     * is reported as it is (DEGRADED) instead of starting forever.
     */
    static final long BOOT_PATIENCE_NANOS = TimeUnit.MINUTES.toNanos(5);

    @Reference
    private InstalledModules modules;
    @Reference
    private CurrentUser currentUser;
    @Reference
    private PageRoutes routes;
    @Reference
    private Communities communities;
    @Reference
    private PortalSettingsImpl settings;
    @Reference
    private SessionStats sessions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile HttpServiceRuntime httpRuntime;
    /** Which modules boot and whether their install has been tried; until it is there, not ready. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ModuleBoot moduleBoot;
    /** The job pool the database probe runs on. */
    static final String HEALTH_POOL = "portal.health";

    /** The bound job service and the probe's executor on its pool, taken once when it binds. */
    private record JobService(Jobs jobs, Executor probes) {
    }

    /** Optional: health answers even while the job service is away (null then). */
    private volatile JobService jobs;

    private final transient DatabaseProbe probe = new DatabaseProbe();

    private BundleContext context;
    private volatile boolean booted;
    private long activatedAt;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.activatedAt = System.nanoTime();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    synchronized void bindJobs(Jobs service) {
        jobs = new JobService(service, service.executor(HEALTH_POOL, 1));
    }

    /** A replacement is bound before the old service is unbound: only the old one's leaving clears it. */
    synchronized void unbindJobs(Jobs service) {
        JobService current = jobs;
        if (current != null && current.jobs() == service) {
            jobs = null;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> database = database();
        List<ModuleInfo> installed = modules.list();
        boolean dbUp = Boolean.TRUE.equals(database.get("reachable"));
        ModuleBoot boot = moduleBoot;
        Readiness.Verdict verdict = Readiness.decide(dbUp, bootFinished() && startLevelReached(),
                boot != null && boot.provisioned(), System.nanoTime() - activatedAt > BOOT_PATIENCE_NANOS, installed);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", verdict.status().name());
        if (!fullDetail(request)) {
            body.put("database", Map.of("reachable", dbUp));
            writeBody(response, verdict.httpStatus(), body);
            return;
        }
        body.put("database", database);
        if (!verdict.problems().isEmpty()) {
            body.put("problems", verdict.problems());
        }
        // readiness is the process's (every module); what is listed is the host's community's
        Community community = communities.forHost(request.getServerName());
        Map<String, Object> communityBody = new LinkedHashMap<>();
        communityBody.put("id", community.id());
        // its name as its pages show it: its own, else the shared configuration's
        communityBody.put("name", communities.callAs(community.id(), settings::communityName));
        body.put("community", communityBody);
        body.put("modules", installed.stream().filter(m -> community.moduleEnabled(m.key()))
                .map(HealthServlet::module).toList());
        body.put("views", routes.routes(community).stream().map(r -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("route", r.route());
            view.put("permission", r.permission());
            view.put("public", r.isPublic());
            view.put("module", r.module());
            return view;
        }).toList());
        body.put("apis", apis(community));
        body.put("sessions", Map.of("live", sessions.liveSessions()));
        body.put("jobs", jobs());
        writeBody(response, verdict.httpStatus(), body);
    }

    /** Jobs queued or running now (a snapshot of the job service's list, nothing is waited for). */
    private List<Map<String, Object>> jobs() {
        JobService service = jobs;
        if (service == null) {
            return List.of();
        }
        return service.jobs().active().stream().map(j -> {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("pool", j.pool());
            job.put("name", j.name());
            job.put("module", j.module());
            job.put("state", j.state().name());
            job.put("done", j.done());
            job.put("total", j.total());
            return job;
        }).toList();
    }

    private static Map<String, Object> module(ModuleInfo m) {
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("key", m.key());
        module.put("name", m.name());
        module.put("version", m.version());
        module.put("state", m.state().name());
        module.put("source", m.source().name());
        module.put("views", m.routes());
        if (!m.errors().isEmpty()) {
            module.put("errors", m.errors().stream().map(e -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("bundle", e.bundle());
                error.put("reason", e.reason());
                return error;
            }).toList());
        }
        if (m.waitingFor() != null) {
            module.put("waitingFor", m.waitingFor());
        }
        module.put("bundles", m.bundles().stream().map(b -> {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("symbolicName", b.symbolicName());
            bundle.put("version", b.version());
            bundle.put("state", b.state());
            if (b.error() != null) {
                bundle.put("error", b.error());
            }
            return bundle;
        }).toList());
        return module;
    }

    private void writeBody(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body);
    }

    /**
     * Module versions and routes help an attacker pick an exploit: only for an administrator, or
     * for a caller on this machine (scripts, the e2e tests, a local load balancer). A request that
     * came through a reverse proxy on the same machine is not local.
     */
    private boolean fullDetail(HttpServletRequest request) {
        boolean forwarded = request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null;
        if (!forwarded && isLoopback(request.getRemoteAddr())) {
            return true;
        }
        return currentUser.fromRequest(request).map(u -> u.hasPermission(PortalUser.ADMIN_PERMISSION))
                .orElse(false);
    }

    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.startsWith("[") ? address.substring(1, address.length() - 1) : address;
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }

    /**
     * The servlets of the portal's context as the HTTP runtime has them registered (not as
     * declared): name, URL patterns, the permission a servlet declares in its
     * {@code hromada.api.permission} service property (null when it checks per request), bundle.
     */
    private List<Map<String, Object>> apis(Community community) {
        HttpServiceRuntime runtime = httpRuntime;
        if (runtime == null) {
            return List.of();
        }
        List<Map<String, Object>> apis = new ArrayList<>();
        for (ServletContextDTO contextDto : runtime.getRuntimeDTO().servletContextDTOs) {
            if (!ShellApplication.CONTEXT_NAME.equals(contextDto.name)) {
                continue;
            }
            for (ServletDTO servlet : contextDto.servletDTOs) {
                if (Arrays.asList(servlet.patterns).contains("/*")) {
                    continue; // the portal's own pages (Vaadin), listed under "views"
                }
                ServiceReference<?> ref = serviceReference(servlet.serviceId);
                String module = ref == null ? null : ShellRegistry.moduleOf(ref.getBundle());
                if (module != null && !community.moduleEnabled(module)) {
                    continue;
                }
                Map<String, Object> api = new LinkedHashMap<>();
                api.put("name", servlet.name);
                api.put("patterns", List.of(servlet.patterns));
                api.put("permission", ref == null ? null : ref.getProperty(API_PERMISSION));
                api.put("bundle", ref == null ? null : ref.getBundle().getSymbolicName());
                apis.add(api);
            }
        }
        apis.sort(Comparator.comparing(a -> String.valueOf(a.get("patterns"))));
        return apis;
    }

    private ServiceReference<?> serviceReference(long serviceId) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(service.id=" + serviceId + ")");
            return refs == null || refs.length == 0 ? null : refs[0];
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return null;
        }
    }

    /**
     * Looked up by name, not imported: the shell does not depend on Karaf's features API, and a
     * boot that has finished stays finished.
     */
    private boolean bootFinished() {
        if (!booted) {
            try {
                booted = context.getServiceReferences((String) null, BOOT_FINISHED) != null;
            } catch (InvalidSyntaxException | IllegalStateException e) {
                return false;
            }
        }
        return booted;
    }

    /**
     * On a restart Karaf announces BootFinished as soon as it finds its features installed,
     * while the framework is still raising the start level and starting the bundles; the portal
     * is not ready before the framework has reached its beginning start level.
     */
    private boolean startLevelReached() {
        try {
            FrameworkStartLevel level = context.getBundle(0).adapt(FrameworkStartLevel.class);
            String beginning = context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL);
            int target = beginning == null ? 1 : Integer.parseInt(beginning.trim());
            return level == null || level.getStartLevel() >= target;
        } catch (NumberFormatException | IllegalStateException e) {
            return true;
        }
    }

    /** The bound job service's executor on {@value #HEALTH_POOL}; null while there is none (the probe runs here). */
    Executor probeExecutor() {
        JobService service = jobs;
        return service == null ? null : service.probes();
    }

    /** Answered within {@link DatabaseProbe#WAIT} once a first probe has finished (DatabaseProbe says why). */
    private Map<String, Object> database() {
        DatabaseProbe.Finding finding = probe.check(dataSource, probeExecutor(), DatabaseProbe.WAIT);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reachable", finding.reachable());
        if (finding.reachable()) {
            result.put("latencyMs", finding.latencyMs());
        }
        if (finding.busy()) {
            result.put("busy", true);
        }
        return result;
    }
}
