package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ua.hromada.opendata.api.CkanPublish;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The publication to CKAN: the dry run reads the organisation's packages and compares each
 * published dataset of its data manager with its package (the one linked in
 * {@code opendata.ckan_package} for that portal, else the one named as the dataset's identifier);
 * the publication makes the dry run's calls with the community's publisher key and links each
 * created package to its dataset (a later import or publication finds it). The portal is not
 * transactional: a cancel stops between datasets, what was sent stays sent, and the next dry run
 * shows what is left.
 */
@Component(service = CkanPublish.class)
public class CkanPublishImpl implements CkanPublish {
    private static final Duration PREVIEW_TTL = Duration.ofMinutes(30);
    private static final int MAX_PREVIEWS = 20;

    private final DatasetRegistryImpl registry;
    private final CkanConnection connection;
    private final ObjectMapper json = new ObjectMapper();
    private final Texts texts = new Texts();
    private final CkanOutgoing outgoing;
    private final PendingPreviews<Pending> previews;

    /** A dataset's planned calls. */
    private record Plan(Dataset dataset, Action action, String packageId, ObjectNode body, List<Resource> newLinks) {
    }

    private record Pending(String portal, CkanClient.Organization organization, List<Plan> plans) {
    }

    @Activate
    public CkanPublishImpl(@Reference DatasetRegistryImpl registry, @Reference CkanConnection connection) {
        this(registry, connection, Clock.systemUTC());
    }

    CkanPublishImpl(DatasetRegistryImpl registry, CkanConnection connection, Clock clock) {
        this.registry = registry;
        this.connection = connection;
        this.outgoing = new CkanOutgoing(json, texts, registry.settings()::zone);
        this.previews = new PendingPreviews<>(clock, PREVIEW_TTL, MAX_PREVIEWS, "opendata.error.ckan.publishExpired");
    }

    @Override
    public boolean configured() {
        return connection.apiKey().isPresent();
    }

    @Override
    public PublishPreview preview(PortalUser actor, String portalUrl, String organization, JobProgress progress) {
        Access.requireEdit(actor);
        CkanConnection.Opened opened = connection.open(portalUrl, organization, json);
        String portal = opened.portal();
        CkanClient client = opened.client();
        CkanClient.Organization o = opened.organization();
        Map<String, JsonNode> byId = new HashMap<>();
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode p : client.packages(o, progress)) {
            byId.put(p.path("id").asText(), p);
            byName.put(p.path("name").asText(), p);
        }
        List<Plan> plans = new ArrayList<>();
        List<PublishRow> rows = new ArrayList<>();
        registry.database().read(c -> {
            DataManager manager = CkanImportImpl.manager(registry, c, o).orElseThrow(() -> new OpendataException(
                    INVALID, "opendata.error.ckan.noManager", CkanImportImpl.managerLabel(o)));
            for (Dataset d : published(c, manager.id())) {
                JsonNode remote = linkedPackage(c, portal, d.id()).map(byId::get).orElse(byName.get(d.identifier()));
                List<Resource> links = registry.resources().resources(c, d.id()).stream()
                        .filter(r -> !r.uploaded()).toList();
                CkanOutgoing.Diff diff = outgoing.diff(d, links, remote);
                Action action = remote == null ? Action.CREATE
                        : diff.changes().isEmpty() ? Action.UNCHANGED : Action.UPDATE;
                ObjectNode body = remote == null ? outgoing.create(d, o.id()) : diff.patch();
                plans.add(new Plan(d, action, remote == null ? null : remote.path("id").asText(), body,
                        diff.newLinks()));
                rows.add(new PublishRow(d.identifier(), d.title(), action, diff.changes()));
            }
            return null;
        });
        String token = previews.put(actor, registry.database().community(), new Pending(portal, o, plans));
        return new PublishPreview(token, portal, o.name(), CkanImportImpl.managerLabel(o), rows);
    }

    @Override
    public PublishResult publish(PortalUser actor, PublishPreview preview, JobProgress progress) {
        Access.requireEdit(actor);
        String key = connection.apiKey().orElseThrow(() -> new OpendataException(INVALID,
                "opendata.error.ckan.noApiKey"));
        Pending pending = previews.take(actor, registry.database().community(),
                preview == null ? null : preview.token());
        CkanClient client = connection.client(pending.portal(), json);
        List<Plan> todo = pending.plans().stream().filter(p -> p.action() != Action.UNCHANGED).toList();
        int created = 0;
        int updated = 0;
        int resources = 0;
        int done = 0;
        for (Plan plan : todo) {
            if (progress.cancelled()) {
                throw new CancellationException();
            }
            String packageId = plan.packageId();
            if (plan.action() == Action.CREATE) {
                JsonNode made = client.post("package_create", plan.body(), key);
                packageId = made.path("id").asText();
                link(plan.dataset(), pending.portal(), packageId, made.path("name").asText(plan.dataset().identifier()));
                created++;
            } else if (plan.body() != null) {
                client.post("package_patch", plan.body(), key);
                updated++;
            } else {
                updated++; // new links only
            }
            for (Resource r : plan.newLinks()) {
                client.post("resource_create", outgoing.resource(packageId, r), key);
                resources++;
            }
            String what = pending.portal() + ": " + plan.dataset().identifier();
            registry.changes().write(c -> {
                registry.changes().entry(c, actor, "dataset", plan.dataset().id(), "ckan-publish", what);
                return null;
            });
            progress.update(++done, todo.size());
        }
        return new PublishResult(created, updated, resources);
    }

    private List<Dataset> published(Connection c, long managerId) throws SQLException {
        List<Dataset> out = new ArrayList<>();
        for (int offset = 0;; offset += 1000) {
            List<Dataset> page = registry.datasetStore().find(c,
                    new DatasetQuery(null, managerId, null, null, true, null, offset, 1000), true);
            out.addAll(page);
            if (page.size() < 1000) {
                return out;
            }
        }
    }

    private static Optional<String> linkedPackage(Connection c, String portal, long datasetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT package_id FROM opendata.ckan_package"
                + " WHERE portal = ? AND dataset_id = ?")) {
            ps.setString(1, portal);
            ps.setLong(2, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private void link(Dataset d, String portal, String packageId, String packageName) {
        registry.changes().write(c -> {
            CkanImportImpl.linkPackage(c, d.id(), portal, packageId, packageName);
            return null;
        });
    }
}
