package ua.hromada.crm.service.cards;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import ua.hromada.crm.api.CardRevision;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.legal.LegalActLookup;

/**
 * The community's service cards: checked, versioned (each change kept whole) and audited here.
 * The legal basis is checked against the document-search acts while that module is installed.
 */
// also offered as itself: the import writes its rows with the same writer
@Component(service = {ServiceCards.class, ServiceCardsImpl.class})
public class ServiceCardsImpl implements ServiceCards {
    /** Most cards one listing answers. */
    static final int MAX_LIMIT = 500;

    private final CrmDatabase database;
    private final CardWriter writer;
    /** Set and cleared by SCR as the document-search module comes and goes. */
    private volatile LegalActLookup acts;

    @Activate
    public ServiceCardsImpl(@Reference CrmDatabase database, @Reference AuditLog audit) {
        this(database, audit, Clock.systemUTC());
    }

    /** For tests: their clock, and the document-search acts set with {@link #bindActs}. */
    public ServiceCardsImpl(CrmDatabase database, AuditLog audit, Clock clock) {
        this.database = database;
        this.writer = new CardWriter(audit, clock, () -> this.acts);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindActs(LegalActLookup acts) {
        this.acts = acts;
    }

    public void unbindActs(LegalActLookup acts) {
        if (this.acts == acts) {
            this.acts = null;
        }
    }

    CardWriter writer() {
        return writer;
    }

    @Override
    public List<ServiceCard> find(PortalUser user, String text, boolean activeOnly, int offset, int limit) {
        CardRules.requireReader(user);
        return database.read(c -> CardStore.find(c, text, activeOnly, offset, Math.min(limit, MAX_LIMIT)));
    }

    @Override
    public int count(PortalUser user, String text, boolean activeOnly) {
        CardRules.requireReader(user);
        return database.read(c -> CardStore.count(c, text, activeOnly));
    }

    @Override
    public Optional<ServiceCard> get(PortalUser user, long id) {
        CardRules.requireReader(user);
        return database.read(c -> CardStore.get(c, id));
    }

    @Override
    public Optional<ServiceCard> version(PortalUser user, long id, int cardVersion) {
        CardRules.requireReader(user);
        return database.read(c -> CardStore.version(c, id, cardVersion));
    }

    @Override
    public List<CardRevision> history(PortalUser user, long id) {
        CardRules.requireReader(user);
        return database.read(c -> CardStore.history(c, id));
    }

    @Override
    public ServiceCard save(PortalUser user, ServiceCard card) {
        CardRules.requireHead(user);
        return database.tx(c -> writer.write(c, user.username(), card, "create", "update"));
    }

    @Override
    public List<ServiceCard> citingAct(PortalUser user, long actId) {
        CardRules.requireReader(user);
        return database.read(c -> CardStore.citing(c, String.valueOf(actId)));
    }
}
