package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;
import static ua.hromada.portal.api.PortalException.Reason.NOT_FOUND;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.opendata.api.Dataset;

import ua.hromada.opendata.api.DatasetLegalActs;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.legal.LegalActLookup;

/**
 * The datasets' links to acts of document search: the column {@code dataset.legal_act_id}, saved
 * with the passport in the registry's transaction ({@link DatasetRegistryImpl}).
 */
@Component(service = DatasetLegalActs.class)
public class DatasetLegalActsImpl implements DatasetLegalActs {
    private final DatasetRegistryImpl registry;
    private final OpendataDatabase db;
    private final AuditLog audit;
    /** Document search's acts, while that module is installed (null: any act id is taken as given). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LegalActLookup acts;

    @Activate
    public DatasetLegalActsImpl(@Reference DatasetRegistryImpl registry, @Reference AuditLog audit) {
        this.registry = registry;
        this.db = registry.database();
        this.audit = audit;
    }

    /** For tests: document search's acts as given (null: not installed). */
    void setActs(LegalActLookup lookup) {
        this.acts = lookup;
    }

    @Override
    public Optional<Long> legalAct(long datasetId) {
        return db.read(c -> stored(c, datasetId, "")).flatMap(act -> act);
    }

    /** The dataset's act (empty inside when none), empty outside when there is no such dataset. */
    private static Optional<Optional<Long>> stored(Connection c, long datasetId, String lock) throws SQLException {
        return Statements.first(c, "SELECT legal_act_id FROM opendata.dataset WHERE id = ?" + lock,
                rs -> Optional.ofNullable(rs.getObject(1, Long.class)), datasetId);
    }

    @Override
    public void link(PortalUser actor, long datasetId, Long actId) {
        Access.requireEdit(actor);
        db.tx(c -> {
            write(c, actor, datasetId, actId);
            return null;
        });
    }

    @Override
    public Dataset saveDataset(PortalUser actor, Dataset dataset, Long actId) {
        // the link is written after the passport, in its transaction: a refused act rolls the passport back
        return registry.saveDataset(actor, dataset, (c, saved) -> write(c, actor, saved.id(), actId));
    }

    /** The link, in the caller's transaction; a changed link to an act document search does not know is refused. */
    private void write(Connection c, PortalUser actor, long datasetId, Long actId) throws SQLException {
        Long before = stored(c, datasetId, " FOR UPDATE")
                .orElseThrow(() -> new OpendataException(NOT_FOUND, "opendata.error.notFound")).orElse(null);
        if (Objects.equals(before, actId)) {
            return; // unchanged: an act removed from document search since may stay linked
        }
        LegalActLookup lookup = acts;
        if (actId != null && lookup != null && lookup.find(actId).isEmpty()) {
            throw new OpendataException(INVALID, "opendata.error.legalActUnknown");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.dataset SET legal_act_id = ? WHERE id = ?")) {
            ps.setObject(1, actId, Types.BIGINT);
            ps.setLong(2, datasetId);
            ps.executeUpdate();
        }
        audit.record(c, actor.username(), RegistryChanges.MODULE, "dataset", Long.toString(datasetId), "update",
                new AuditChanges().changed("legalAct", before, actId).text());
    }

    @Override
    public List<Citing> citing(PortalUser actor, long actId) {
        Access.requireView(actor);
        return db.read(c -> Statements.list(c, "SELECT id, identifier, title FROM opendata.dataset"
                + " WHERE legal_act_id = ? ORDER BY lower(title), id",
                rs -> new Citing(rs.getLong(1), rs.getString(2), rs.getString(3)), actId));
    }
}
