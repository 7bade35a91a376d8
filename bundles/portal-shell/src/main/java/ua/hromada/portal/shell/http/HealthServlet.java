package ua.hromada.portal.shell.http;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;

/**
 * {@code GET /api/health}: overall status, database reachability and the modules' states. Public
 * (monitoring needs no login) and free of secrets: no URLs, users or error details. While Karaf is
 * still installing and starting the boot features the status is {@code STARTING} with HTTP 503, so
 * a load balancer or a script does not send people to a portal whose modules are half started.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/health")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=hromada)")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
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

    private BundleContext context;
    private volatile boolean booted;
    private long activatedAt;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        this.activatedAt = System.nanoTime();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> database = database();
        List<ModuleInfo> installed = modules.list();
        boolean dbUp = Boolean.TRUE.equals(database.get("reachable"));
        boolean modulesOk = installed.stream().noneMatch(m -> "FAILED".equals(m.state()));
        boolean started = bootFinished();
        boolean bootStuck = !started && System.nanoTime() - activatedAt > BOOT_PATIENCE_NANOS;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !dbUp ? "DOWN"
                : bootStuck ? "DEGRADED" : !started ? "STARTING" : modulesOk ? "UP" : "DEGRADED");
        body.put("database", database);
        body.put("modules", installed.stream().map(m -> {
            Map<String, Object> module = new LinkedHashMap<>();
            module.put("key", m.key());
            module.put("name", m.name());
            module.put("version", m.version());
            module.put("state", m.state());
            module.put("views", m.routes());
            return module;
        }).toList());
        response.setStatus(dbUp && (started || bootStuck) ? HttpServletResponse.SC_OK
                : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body);
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

    private Map<String, Object> database() {
        Map<String, Object> result = new LinkedHashMap<>();
        DataSource ds = dataSource;
        if (ds == null) {
            result.put("reachable", false);
            return result;
        }
        long start = System.nanoTime();
        try (Connection connection = ds.getConnection()) {
            boolean valid = connection.isValid(2);
            result.put("reachable", valid);
            result.put("latencyMs", (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            result.put("reachable", false);
        }
        return result;
    }
}
