package ua.hromada.opendata.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ua.hromada.opendata.api.CkanImport;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The CKAN import: the dry run reads the organisation and its packages and compares each with the
 * registry (the dataset linked to the package in {@code opendata.ckan_package}, else the one with
 * the package's name as identifier); the commit redoes that comparison inside one transaction
 * (the registry may have changed since) and writes the new and changed datasets, their new links
 * and the package links, or nothing. Previews wait in memory for {@link #PREVIEW_TTL}, one use each.
 */
@Component(service = CkanImport.class)
public class CkanImportImpl implements CkanImport {
    static final Duration PREVIEW_TTL = Duration.ofMinutes(30);
    private static final int MAX_PREVIEWS = 20;

    private final DatasetRegistryImpl registry;
    private final CkanConnection connection;
    private final ObjectMapper json = new ObjectMapper();
    private final Texts texts = new Texts();
    private final CkanPackages packages = new CkanPackages(json, texts);
    private final PendingPreviews<Pending> previews;

    @Activate
    public CkanImportImpl(@Reference DatasetRegistryImpl registry, @Reference CkanConnection connection) {
        this(registry, connection, Clock.systemUTC());
    }

    CkanImportImpl(DatasetRegistryImpl registry, CkanConnection connection, Clock clock) {
        this.registry = registry;
        this.connection = connection;
        this.previews = new PendingPreviews<>(clock, PREVIEW_TTL, MAX_PREVIEWS, "opendata.error.ckan.expired");
    }

    /** The packages read, kept for the commit with who read them, for which community and where from. */
    private record Pending(String portal, CkanClient.Organization organization,
            List<CkanPackages.Incoming> incoming) {
    }

    /** A package compared with the registry. */
    private record Plan(CkanPackages.Incoming in, Change change, Dataset merged, List<CkanPackages.Link> newLinks,
            boolean linkPackage, List<String> changes, List<String> errors) {
    }

    @Override
    public CkanPreview preview(PortalUser actor, String portalUrl, String organization, JobProgress progress) {
        Access.requireEdit(actor);
        CkanConnection.Opened opened = connection.open(portalUrl, organization, json);
        String portal = opened.portal();
        CkanClient client = opened.client();
        CkanClient.Organization o = opened.organization();
        List<CkanPackages.Incoming> incoming = new ArrayList<>();
        for (JsonNode p : client.packages(o, progress)) {
            incoming.add(packages.read(p, registry.settings().zone()));
        }
        Pending pending = new Pending(portal, o, incoming);
        return registry.database().read(c -> {
            Optional<DataManager> manager = manager(registry, c, o);
            List<CkanRow> rows = new ArrayList<>();
            for (Plan plan : plan(c, pending, manager.map(DataManager::id).orElse(0L))) {
                rows.add(new CkanRow(plan.in().packageId(), plan.in().name(), plan.in().title(), plan.change(),
                        plan.changes(), plan.errors()));
            }
            String token = previews.put(actor, community(), pending);
            return new CkanPreview(token, portal, o.name(), managerLabel(o), manager.isEmpty(), rows);
        });
    }

    @Override
    public CkanResult commit(PortalUser actor, CkanPreview preview, JobProgress progress) {
        Access.requireEdit(actor);
        Pending pending = previews.take(actor, community(), preview == null ? null : preview.token());
        // created, updated, unchanged, skipped, links added
        int[] counts = new int[5];
        boolean[] managerCreated = {false};
        registry.changes().write(c -> {
            Optional<DataManager> found = manager(registry, c, pending.organization());
            long managerId;
            if (found.isPresent()) {
                managerId = found.get().id();
            } else {
                managerId = registry.managerStore().saveManager(c, newManager(pending.organization()), false).id();
                managerCreated[0] = true;
                registry.changes().entry(c, actor, "data-manager", managerId, "create", managerLabel(pending.organization()));
            }
            List<Plan> plans = plan(c, pending, managerId);
            int done = 0;
            for (Plan plan : plans) {
                if (progress.cancelled()) {
                    throw new CancellationException(); // the transaction rolls back: nothing half-saved
                }
                switch (plan.change()) {
                    case INVALID -> counts[3]++;
                    case UNCHANGED -> counts[2]++;
                    default -> {
                        write(c, actor, pending, plan);
                        counts[plan.change() == Change.NEW ? 0 : 1]++;
                        counts[4] += plan.newLinks().size();
                    }
                }
                progress.update(++done, plans.size());
            }
            registry.changes().entry(c, actor, "ckan-import", 0, "import", pending.portal() + " / "
                    + pending.organization().name() + ": створено " + counts[0] + ", оновлено " + counts[1]
                    + ", без змін " + counts[2] + ", пропущено з помилками " + counts[3] + ", нових посилань " + counts[4]);
            return null;
        });
        return new CkanResult(counts[0], counts[1], counts[2], counts[3], counts[4], managerCreated[0]);
    }

    private List<Plan> plan(Connection c, Pending pending, long managerId) throws SQLException {
        List<Plan> plans = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CkanPackages.Incoming in : pending.incoming()) {
            plans.add(plan(c, pending.portal(), in, managerId, seen));
        }
        return plans;
    }

    private Plan plan(Connection c, String portal, CkanPackages.Incoming in, long managerId, Set<String> seen)
            throws SQLException {
        List<String> errors = new ArrayList<>(in.errors());
        if (errors.isEmpty() && !seen.add(in.passport().identifier())) {
            errors.add(texts.text("opendata.error.ckan.duplicateName", in.name()));
        }
        if (!errors.isEmpty()) {
            return new Plan(in, Change.INVALID, null, List.of(), false, List.of(), errors);
        }
        Optional<Long> linked = linkedDataset(c, portal, in.packageId());
        Optional<Dataset> stored = linked.isPresent() ? registry.datasetStore().dataset(c, linked.get())
                : registry.datasetStore().datasetByIdentifier(c, in.passport().identifier());
        if (linked.isEmpty() && stored.isPresent() && linkedElsewhere(c, stored.get().id())) {
            return new Plan(in, Change.INVALID, null, List.of(), false, List.of(),
                    List.of(texts.text("opendata.error.ckan.identifierTaken", in.passport().identifier())));
        }
        Dataset merged = Rules.normalize(CkanPackages.merge(in.passport(), stored.orElse(null), managerId));
        // a manager the commit creates has no id in the dry run: only that "required" is not a problem
        List<String> problems = Rules.check(merged).stream()
                .filter(p -> managerId != 0 || !(p.key().equals("opendata.error.required")
                        && p.args().length == 1 && Passport.MANAGER.equals(p.args()[0])))
                .map(texts::text).toList();
        if (!problems.isEmpty()) {
            return new Plan(in, Change.INVALID, null, List.of(), false, List.of(), problems);
        }
        Set<String> urls = new HashSet<>();
        if (stored.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT url FROM opendata.resource WHERE dataset_id = ?"
                    + " AND url IS NOT NULL")) {
                ps.setLong(1, stored.get().id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        urls.add(rs.getString(1));
                    }
                }
            }
        }
        List<CkanPackages.Link> newLinks = in.links().stream().filter(l -> urls.add(l.url())).toList();
        if (stored.isEmpty()) {
            return new Plan(in, Change.NEW, merged, newLinks, true, List.of(), List.of());
        }
        List<String> changes = new ArrayList<>(CkanPackages.changedFields(stored.get(), merged));
        for (CkanPackages.Link l : newLinks) {
            changes.add(texts.text("opendata.ckan.change.link", l.url()));
        }
        if (linked.isEmpty()) {
            changes.add(texts.text("opendata.ckan.change.package", in.name()));
        }
        return new Plan(in, changes.isEmpty() ? Change.UNCHANGED : Change.CHANGED, merged, newLinks, linked.isEmpty(),
                changes, List.of());
    }

    private void write(Connection c, PortalUser actor, Pending pending, Plan plan) throws SQLException {
        Dataset d = plan.merged();
        Optional<Problem> conflict = registry.datasetStore().datasetConflict(c, d);
        if (conflict.isPresent()) {
            throw conflict.get().exception();
        }
        Dataset written = registry.datasetStore().writeDataset(c, d, null, false);
        for (CkanPackages.Link l : plan.newLinks()) {
            String format = l.format() != null ? l.format() : MediaTypes.formatOf(l.url());
            String name = l.name() != null ? l.name()
                    : l.url().length() > Rules.MAX_TITLE ? l.url().substring(0, Rules.MAX_TITLE) : l.url();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.resource (dataset_id, name, format,"
                    + " media_type, url, modified) VALUES (?,?,?,?,?, now())")) {
                ps.setLong(1, written.id());
                ps.setString(2, name);
                ps.setString(3, format);
                ps.setString(4, format == null ? null : MediaTypes.of(format));
                ps.setString(5, l.url());
                ps.executeUpdate();
            }
        }
        linkPackage(c, written.id(), pending.portal(), plan.in().packageId(), plan.in().name());
        registry.changes().entry(c, actor, "dataset", written.id(), plan.change() == Change.NEW ? "create" : "update",
                "CKAN " + pending.portal() + ": " + plan.in().name());
    }

    /** Links the dataset to its package on the portal (imported from it or published to it). */
    static void linkPackage(Connection c, long datasetId, String portal, String packageId, String packageName)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO opendata.ckan_package (dataset_id, portal,"
                + " package_id, package_name, imported_at) VALUES (?,?,?,?, now()) ON CONFLICT (community, dataset_id)"
                + " DO UPDATE SET portal = excluded.portal, package_id = excluded.package_id,"
                + " package_name = excluded.package_name, imported_at = now()")) {
            ps.setLong(1, datasetId);
            ps.setString(2, portal);
            ps.setString(3, packageId);
            ps.setString(4, packageName);
            ps.executeUpdate();
        }
    }

    private static Optional<Long> linkedDataset(Connection c, String portal, String packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT dataset_id FROM opendata.ckan_package"
                + " WHERE portal = ? AND package_id = ?")) {
            ps.setString(1, portal);
            ps.setString(2, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static boolean linkedElsewhere(Connection c, long datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM opendata.ckan_package WHERE dataset_id = ?")) {
            ps.setLong(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The organisation's data manager: by its ЄДРПОУ code, else by its name. */
    static Optional<DataManager> manager(DatasetRegistryImpl registry, Connection c, CkanClient.Organization o)
            throws SQLException {
        String edrpou = edrpou(o);
        if (edrpou != null) {
            Optional<DataManager> m = registry.managerStore().managerByEdrpou(c, edrpou);
            if (m.isPresent()) {
                return m;
            }
        }
        return registry.managerStore().managerByName(c, title(o));
    }

    private static DataManager newManager(CkanClient.Organization o) {
        return Rules.normalize(new DataManager(0, title(o), edrpou(o), null, null, null, null, null, 0));
    }

    static String managerLabel(CkanClient.Organization o) {
        String edrpou = edrpou(o);
        return title(o) + (edrpou == null ? "" : " (ЄДРПОУ " + edrpou + ")");
    }

    private static String title(CkanClient.Organization o) {
        String t = Rules.strip(o.title());
        return t == null ? o.name() : t.length() > Rules.MAX_NAME ? t.substring(0, Rules.MAX_NAME) : t;
    }

    /** The organisation's ЄДРПОУ code: its extras, or its name when that is one (this portal's organisations). */
    private static String edrpou(CkanClient.Organization o) {
        for (String candidate : new String[] {o.edrpou(), o.name()}) {
            String t = Rules.strip(candidate);
            if (t != null && t.matches("[0-9]{8}") && Edrpou.valid(t)) {
                return t;
            }
        }
        return null;
    }

    private String community() {
        return registry.database().community();
    }
}
