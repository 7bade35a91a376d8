package ua.hromada.opendata.service;

import static ua.hromada.portal.api.PortalException.Reason.INVALID;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.PolicyDocuments;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/** The community's open-data policy documents: the table {@code opendata.policy_document}. */
@Component(service = PolicyDocuments.class)
public class PolicyDocumentsImpl implements PolicyDocuments {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyDocumentsImpl.class);

    private final OpendataDatabase db;
    private final AuditLog audit;
    /** Document search's acts, while that module is installed (null: the public block is empty). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LegalActLookup acts;

    @Activate
    public PolicyDocumentsImpl(@Reference OpendataDatabase db, @Reference AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** For tests: document search's acts as given (null: not installed). */
    void setActs(LegalActLookup lookup) {
        this.acts = lookup;
    }

    @Override
    public List<Long> actIds(PortalUser actor) {
        Access.requireView(actor);
        return stored();
    }

    private List<Long> stored() {
        return db.read(c -> Statements.list(c, "SELECT act_id FROM opendata.policy_document ORDER BY position",
                rs -> rs.getLong(1)));
    }

    @Override
    public void save(PortalUser actor, List<Long> actIds) {
        Access.requireEdit(actor);
        List<Long> wanted = actIds == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(actIds.stream().filter(Objects::nonNull).toList()));
        if (wanted.size() > MAX) {
            throw new OpendataException(INVALID, "opendata.error.policy.tooMany", MAX, wanted.size());
        }
        db.tx(c -> {
            // the community's rows, locked, so two saves at once write one list after the other
            List<Long> before = Statements.list(c, "SELECT act_id FROM opendata.policy_document ORDER BY position"
                    + " FOR UPDATE", rs -> rs.getLong(1));
            if (before.equals(wanted)) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM opendata.policy_document")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO opendata.policy_document (position, act_id) VALUES (?, ?)")) {
                for (int i = 0; i < wanted.size(); i++) {
                    ps.setInt(1, i);
                    ps.setLong(2, wanted.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // as text: the order counts (a list would be written sorted)
            audit.record(c, actor.username(), RegistryChanges.MODULE, "policy-documents", "policy", "update",
                    new AuditChanges().changed("acts", before.toString(), wanted.toString()).text());
            return null;
        });
    }

    @Override
    public List<LegalActSummary> published() {
        LegalActLookup lookup = acts;
        if (lookup == null) {
            return List.of();
        }
        List<LegalActSummary> out = new ArrayList<>();
        for (long id : stored()) {
            Optional<LegalActSummary> act;
            try {
                act = lookup.find(id);
            } catch (RuntimeException e) {
                // document search failing (e.g. going away meanwhile) must not take the public page with it
                LOG.warn("Open data policy documents: act {} could not be read ({})", id, e.toString());
                continue;
            }
            act.ifPresent(out::add); // an act removed from document search is not shown
        }
        return out;
    }
}
