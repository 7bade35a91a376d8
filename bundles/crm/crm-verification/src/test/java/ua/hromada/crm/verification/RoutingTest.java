package ua.hromada.crm.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.RoutingSuggestion;
import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.routing.RoutingImpl;
import ua.hromada.crm.service.routing.RoutingSettings;
import ua.hromada.crm.service.verification.VerificationFixture;
import ua.hromada.portal.api.PortalException.Reason;

/**
 * The routing on real PostgreSQL with the Lucene classifier: a new community's cards get
 * suggestions from the shipped seed; a request like nothing learnt is not confident; a service the
 * seed does not know is learnt from confirmed routings once enough were confirmed (the retraining
 * job); cancelled cases teach nothing.
 */
class RoutingTest {
    private CrmTestSetup setup;
    private VerificationFixture fx;
    private LuceneRequestClassifier classifier;
    private RoutingImpl routing;
    private long registration;
    private long trees;
    private long market;
    private long applicant;

    @BeforeEach
    void setUp() {
        setup = new CrmTestSetup();
        fx = new VerificationFixture(setup);
        classifier = new LuceneRequestClassifier(LuceneRequestClassifier.Method.NAIVE_BAYES);
        routing = setup.routing(classifier, new RoutingSettings(0.6, 3, Duration.ofDays(1)));
        registration = fx.card("RM-01", "Реєстрація місця проживання особи", "reiestratsiia", null);
        fx.card("SZ-01", "Призначення житлової субсидії", "sotszakhyst", null);
        trees = fx.card("BL-01", "Видача ордера на видалення зелених насаджень", "blahoustrii", null);
        market = fx.card("TR-07", "Погодження місця виїзної торгівлі", "torhivlia", null); // no seed line
        LocalDate born = LocalDate.of(1990, 1, 2);
        applicant = fx.person("Бондар", "Ірина", born, VerificationFixture.taxNumber(born, "0042"), "ID_CARD",
                "001112223", null, "");
    }

    @AfterEach
    void tearDown() {
        classifier.close();
        setup.close();
    }

    @Test
    void theSeedRoutesANewCommunitysCards() {
        List<RoutingSuggestion> s = routing.suggest(setup.administrator, "Хочу зареєструвати місце проживання дитини");
        RoutingSuggestion best = s.get(0);
        assertEquals(registration, best.cardId());
        assertEquals("Реєстрація місця проживання особи", best.serviceName());
        assertEquals("reiestratsiia", best.providerRole());
        assertTrue(best.confident() && best.confidence() >= 0.6, best.toString());
        assertTrue(s.size() <= 3);
        assertEquals(trees, routing.suggest(setup.head, "видалення аварійних дерев у дворі").get(0).cardId());
    }

    @Test
    void aRequestLikeNothingLearntIsNotConfident() {
        List<RoutingSuggestion> s = routing.suggest(setup.administrator, "Квиток на концерт у філармонії");
        assertTrue(s.stream().noneMatch(RoutingSuggestion::confident), s.toString());
        assertEquals(List.of(), routing.suggest(setup.administrator, "   "));
    }

    @Test
    void learnsAServiceFromConfirmedRoutings() throws Exception {
        String request = "Погодити місце для торгівлі кавою з автомобіля на ярмарку";
        assertTrue(routing.suggest(setup.administrator, request).stream().noneMatch(s -> s.cardId() == market),
                "the seed knows no such card");
        int before = routing.examples();
        fx.caseOf(applicant, market, "Хочу торгувати кавою з автомобіля біля парку", false, true, "REGISTERED");
        fx.caseOf(applicant, market, "Місце для виїзної торгівлі морозивом на святі", false, true, "ISSUED");
        assertTrue(routing.retrainWhenDue().isEmpty(), "two confirmed routings: not due yet (3)");
        fx.caseOf(applicant, market, "Торгівля з автомобіля на ярмарку, погодити місце", false, true, "REGISTERED");
        fx.caseOf(applicant, market, "Продаж кави з автомобіля на ярмарку у вихідні", false, true, "CANCELLED");

        var job = routing.retrainWhenDue().orElseThrow(() -> new AssertionError("three confirmed routings: due"));
        job.result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(before + 3, routing.examples(), "the cancelled case teaches nothing");
        RoutingSuggestion best = routing.suggest(setup.administrator, request).get(0);
        assertEquals(market, best.cardId());
        assertEquals("torhivlia", best.providerRole());
        assertTrue(routing.retrainWhenDue().isEmpty(), "just retrained");
    }

    @Test
    void retrainNowAndPermissions() {
        fx.caseOf(applicant, market, "Торгівля з автомобіля на ярмарку", false, true, "REGISTERED");
        routing.retrain(setup.head);
        assertEquals(market, routing.suggest(setup.executor, "торгівля з автомобіля").get(0).cardId());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class,
                () -> routing.suggest(setup.stranger, "прописка")).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(CrmException.class, () -> routing.retrain(setup.executor)).reason());
        assertFalse(routing.suggest(setup.administrator, "прописка").isEmpty());
    }
}
