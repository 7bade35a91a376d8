package ua.hromada.opendata.service;

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

import ua.hromada.opendata.api.DatasetLegalActs;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;

/** The datasets' links to acts of document search: the column {@code dataset.legal_act_id}. */
@Component(service = DatasetLegalActs.class)
public class DatasetLegalActsImpl implements DatasetLegalActs {
    private final OpendataDatabase db;
    private final AuditLog audit;

    @Activate
    public DatasetLegalActsImpl(@Reference OpendataDatabase db, @Reference AuditLog audit) {
        this.db = db;
        this.audit = audit;
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
            Long before = stored(c, datasetId, " FOR UPDATE")
                    .orElseThrow(() -> new OpendataException(NOT_FOUND, "opendata.error.notFound")).orElse(null);
            if (Objects.equals(before, actId)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.dataset SET legal_act_id = ? WHERE id = ?")) {
                ps.setObject(1, actId, Types.BIGINT);
                ps.setLong(2, datasetId);
                ps.executeUpdate();
            }
            audit.record(c, actor.username(), RegistryChanges.MODULE, "dataset", Long.toString(datasetId), "update",
                    new AuditChanges().changed("legalAct", before, actId).text());
            return null;
        });
    }

    @Override
    public List<Citing> citing(PortalUser actor, long actId) {
        Access.requireView(actor);
        return db.read(c -> Statements.list(c, "SELECT id, identifier, title FROM opendata.dataset"
                + " WHERE legal_act_id = ? ORDER BY lower(title), id",
                rs -> new Citing(rs.getLong(1), rs.getString(2), rs.getString(3)), actId));
    }
}
