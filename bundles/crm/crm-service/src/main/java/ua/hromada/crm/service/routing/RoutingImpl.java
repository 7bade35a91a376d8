package ua.hromada.crm.service.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.LabelScore;
import ua.hromada.crm.api.LabelledRequest;
import ua.hromada.crm.api.RequestClassifier;
import ua.hromada.crm.api.RequestModel;
import ua.hromada.crm.api.Routing;
import ua.hromada.crm.api.RoutingSuggestion;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.cluster.ChangeFeed;
import ua.hromada.portal.api.jdbc.Statements;
import ua.hromada.portal.api.jobs.Job;
import ua.hromada.portal.api.jobs.Jobs;

/**
 * Suggests a card for a free-text request. The classifier (crm-api {@link RequestClassifier}, Lucene
 * in crm-verification) is trained per community from its confirmed routings — every case opened with
 * a request and a card, cancelled ones left out — and the shipped seed for its cards. The model is
 * trained at the first suggestion and again, as a job on pool {@code crm.routing}, once
 * {@code routing.retrain.after} new routings were confirmed or it is older than
 * {@code routing.retrain.hours}; until then the old one answers. A model retrained here («Перенавчити»
 * or by that rule) is announced on the change log, topic {@value #TOPIC}, and the other nodes that
 * hold the community's model retrain it too ({@link RoutingFromOtherNodes}, docs/cluster.md).
 */
@Component(service = Routing.class, configurationPid = RoutingImpl.PID)
public class RoutingImpl implements Routing {
    static final String PID = "ua.hromada.crm";
    static final String POOL = "crm.routing";
    /** A community's model was retrained on a node; the key is the community. */
    static final String TOPIC = "crm.routing-model";
    static final int SUGGESTIONS = 3;
    /** The most recent confirmed routings trained on: enough for any centre's wording, bounded memory. */
    static final int MAX_EXAMPLES = 20_000;
    private static final Logger LOG = LoggerFactory.getLogger(RoutingImpl.class);

    /** A community's model and the cards its labels stand for. */
    record Trained(RequestModel model, Map<String, Card> cards, long confirmed, Instant at) {
    }

    /** A card a label stands for. */
    record Card(long id, String name, String providerRole) {
    }

    private final CrmDatabase database;
    private final RequestClassifier classifier;
    private final Jobs jobs;
    private final PortalSettings settings;
    private final RoutingSettings config;
    /** Null outside a portal (tests of one node, benchmarks): nothing is announced. */
    private final ChangeFeed feed;
    private final List<RoutingSeed.Line> seed = RoutingSeed.load();
    private final Map<String, Trained> models = new ConcurrentHashMap<>();
    private final Set<String> retraining = ConcurrentHashMap.newKeySet();

    @Activate
    public RoutingImpl(@Reference CrmDatabase database, @Reference RequestClassifier classifier, @Reference Jobs jobs,
            @Reference PortalSettings settings, @Reference ChangeFeed feed, Map<String, Object> properties) {
        this(database, classifier, jobs, settings, RoutingSettings.of(properties), feed);
    }

    private RoutingImpl(CrmDatabase database, RequestClassifier classifier, Jobs jobs, PortalSettings settings,
            RoutingSettings config, ChangeFeed feed) {
        this.database = database;
        this.classifier = classifier;
        this.jobs = jobs;
        this.settings = settings;
        this.config = config;
        this.feed = feed;
    }

    /** Outside OSGi (tests, benchmarks): the settings given, not read from properties. */
    public static RoutingImpl of(CrmDatabase database, RequestClassifier classifier, Jobs jobs, PortalSettings settings,
            RoutingSettings config) {
        return new RoutingImpl(database, classifier, jobs, settings, config, null);
    }

    /** Outside OSGi, as one node of several: retraining is announced on {@code feed}. */
    public static RoutingImpl of(CrmDatabase database, RequestClassifier classifier, Jobs jobs, PortalSettings settings,
            RoutingSettings config, ChangeFeed feed) {
        return new RoutingImpl(database, classifier, jobs, settings, config, feed);
    }

    @Override
    public List<RoutingSuggestion> suggest(PortalUser user, String request) {
        if (user == null || !user.hasPermission(PortalUser.anyOf(CrmPermissions.ADMINISTRATOR, CrmPermissions.HEAD,
                CrmPermissions.BACK_OFFICE))) {
            throw new CrmException(Reason.FORBIDDEN, "crm.routing.forbidden");
        }
        if (request == null || request.isBlank()) {
            return List.of();
        }
        Trained trained = current();
        List<RoutingSuggestion> suggestions = new ArrayList<>();
        for (LabelScore score : trained.model().classify(request.strip(), SUGGESTIONS)) {
            Card card = trained.cards().get(score.label());
            if (card != null) {
                double confidence = Math.max(0, Math.min(1, score.score()));
                suggestions.add(new RoutingSuggestion(card.id(), card.name(), card.providerRole(), confidence,
                        confidence >= config.threshold()));
            }
        }
        return suggestions;
    }

    @Override
    public void retrain(PortalUser user) {
        if (user == null || !user.hasPermission(PortalUser.anyOf(CrmPermissions.ADMINISTRATOR, CrmPermissions.HEAD))) {
            throw new CrmException(Reason.FORBIDDEN, "crm.error.forbidden");
        }
        String community = community();
        models.put(community, train());
        announce(community);
    }

    /** The community's model: trained now when there is none, retrained in the background when due. */
    private Trained current() {
        String community = community();
        Trained trained = models.get(community);
        if (trained == null) {
            trained = train();
            models.put(community, trained);
            return trained;
        }
        retrainIfDue(community, trained);
        return trained;
    }

    /**
     * Retrains the current community's model in the background when it is due (enough new confirmed
     * routings, or old); answers the job, empty when not due or already running (also when no model
     * was trained yet: the first suggestion trains it).
     */
    public Optional<Job<Void>> retrainWhenDue() {
        String community = community();
        Trained trained = models.get(community);
        return trained == null ? Optional.empty() : retrainIfDue(community, trained);
    }

    private Optional<Job<Void>> retrainIfDue(String community, Trained trained) {
        long confirmed = database.read(RoutingImpl::confirmedCount);
        boolean due = confirmed - trained.confirmed() >= config.retrainAfter()
                || Duration.between(trained.at(), settings.clock().instant()).compareTo(config.maxAge()) >= 0;
        if (!due || !retraining.add(community)) {
            return Optional.empty();
        }
        return Optional.of(retrainInBackground(community, true));
    }

    /**
     * Another node retrained the current community's model: this node retrains its own in the
     * background, unless it holds none (its first suggestion trains a fresh one) or is retraining it.
     * Not announced again, so the nodes do not echo each other.
     */
    void followOtherNode() {
        String community = community();
        if (models.containsKey(community) && retraining.add(community)) {
            retrainInBackground(community, false);
        }
    }

    /** The job that retrains {@code community}'s model (marked as retraining by the caller). */
    private Job<Void> retrainInBackground(String community, boolean announce) {
        return jobs.submit(POOL, "Маршрутизація ЦНАП: навчання класифікатора", progress -> {
            try {
                models.put(community, train());
            } finally {
                retraining.remove(community);
            }
            if (announce) {
                announce(community);
            }
            return null;
        });
    }

    /** Tells the other nodes, through the change log, that the community's model was retrained here. */
    private void announce(String community) {
        if (feed != null) {
            database.tx(c -> {
                feed.publish(c, TOPIC, community);
                return null;
            });
        }
    }

    /** How many examples the current community's model was trained on; 0 before the first suggestion. */
    public int examples() {
        Trained trained = models.get(community());
        return trained == null ? 0 : trained.model().examples();
    }

    private Trained train() {
        Instant at = settings.clock().instant();
        return database.read(c -> {
            Map<String, Card> cards = new HashMap<>();
            Map<String, Card> byCode = new HashMap<>();
            Map<String, Card> byName = new HashMap<>();
            for (Object[] row : Statements.list(c, "SELECT id, name, provider_role, local_code FROM crm.service_card"
                    + " WHERE active", rs -> new Object[] {new Card(rs.getLong(1), rs.getString(2), rs.getString(3)),
                            rs.getString(4)})) {
                Card card = (Card) row[0];
                cards.put(Long.toString(card.id()), card);
                byCode.put(((String) row[1]).toLowerCase(Locale.ROOT), card);
                byName.put(card.name().strip().toLowerCase(Locale.ROOT), card);
            }
            List<LabelledRequest> examples = new ArrayList<>();
            for (RoutingSeed.Line line : seed) {
                Card card = byCode.getOrDefault(line.localCode().toLowerCase(Locale.ROOT),
                        byName.get(line.serviceName().toLowerCase(Locale.ROOT)));
                if (card != null) {
                    examples.add(new LabelledRequest(line.request(), Long.toString(card.id())));
                }
            }
            long confirmed = confirmedCount(c);
            examples.addAll(Statements.list(c, "SELECT s.request, s.card_id FROM crm.service_case s"
                    + " JOIN crm.service_card k ON k.id = s.card_id WHERE k.active AND s.request <> ''"
                    + " AND s.status <> 'CANCELLED' ORDER BY s.registered_at DESC, s.id DESC LIMIT ?",
                    rs -> new LabelledRequest(rs.getString(1), Long.toString(rs.getLong(2))), MAX_EXAMPLES));
            RequestModel model = classifier.train(examples);
            LOG.debug("routing model trained on {} examples ({} confirmed routings)", examples.size(), confirmed);
            return new Trained(model, Map.copyOf(cards), confirmed, at);
        });
    }

    private static long confirmedCount(Connection c) throws SQLException {
        return Statements.first(c, "SELECT count(*) FROM crm.service_case WHERE request <> '' AND status <> 'CANCELLED'",
                rs -> rs.getLong(1)).orElse(0L);
    }

    private String community() {
        return database.read(c -> Statements.first(c, "SELECT coalesce(current_setting('hromada.community', true), '')",
                rs -> rs.getString(1)).orElse(""));
    }
}
