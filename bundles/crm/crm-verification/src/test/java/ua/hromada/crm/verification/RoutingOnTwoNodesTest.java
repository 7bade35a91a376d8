package ua.hromada.crm.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.crm.service.CrmTestSetup;
import ua.hromada.crm.service.routing.RoutingFromOtherNodes;
import ua.hromada.crm.service.routing.RoutingImpl;
import ua.hromada.crm.service.routing.RoutingSettings;
import ua.hromada.crm.service.verification.VerificationFixture;

/**
 * Two portal nodes on one database (docs/cluster.md), each with its own routing (Lucene classifier,
 * models in memory), job pools and change feed (the core's, LISTEN/NOTIFY on portal.change_log): a
 * model retrained on one node — «Перенавчити», or by the rule (enough new confirmed routings) — is
 * retrained on the other within 2 s, so both suggest from the same confirmed routings.
 */
class RoutingOnTwoNodesTest {
    private final CrmTestSetup setup = CrmTestSetup.withCore();

    @AfterEach
    void tearDown() {
        setup.close();
    }

    @Test
    void aModelRetrainedOnOneNodeIsRetrainedOnTheOther() throws Exception {
        VerificationFixture fx = new VerificationFixture(setup);
        fx.card("RM-01", "Реєстрація місця проживання особи", "reiestratsiia", null);
        fx.card("SZ-01", "Призначення житлової субсидії", "sotszakhyst", null);
        fx.card("BL-01", "Видача ордера на видалення зелених насаджень", "blahoustrii", null);
        long market = fx.card("TR-07", "Погодження місця виїзної торгівлі", "torhivlia", null); // no seed line
        LocalDate born = LocalDate.of(1990, 1, 2);
        long applicant = fx.person("Бондар", "Ірина", born, VerificationFixture.taxNumber(born, "0042"), "ID_CARD",
                "001112223", null, "");
        RoutingImpl a = node("A");
        RoutingImpl b = node("B");
        // both hold the community's model, trained on the seed at their first suggestion
        a.suggest(setup.administrator, "прописка");
        b.suggest(setup.administrator, "прописка");
        int before = b.examples();

        fx.caseOf(applicant, market, "Торгівля з автомобіля на ярмарку", false, true, "REGISTERED");
        a.retrain(setup.head);
        assertEquals(before + 1, a.examples());
        assertEquals(before + 1, eventually(before + 1, b::examples), "node B retrained within 2 s");
        assertEquals(market, b.suggest(setup.executor, "торгівля з автомобіля").get(0).cardId());

        // the rule on node B (3 new confirmed routings): node A follows
        fx.caseOf(applicant, market, "Хочу торгувати кавою з автомобіля біля парку", false, true, "REGISTERED");
        fx.caseOf(applicant, market, "Місце для виїзної торгівлі морозивом на святі", false, true, "ISSUED");
        fx.caseOf(applicant, market, "Продаж кави з автомобіля на ярмарку у вихідні", false, true, "REGISTERED");
        b.retrainWhenDue().orElseThrow(() -> new AssertionError("three confirmed routings: due"))
                .result().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertEquals(before + 4, b.examples());
        assertEquals(before + 4, eventually(before + 4, a::examples), "node A retrained within 2 s");
    }

    /** A node: its job pools and change feed, the routing with its own classifier, the subscription. */
    private RoutingImpl node(String name) {
        CrmTestSetup.Node node = setup.node(name);
        LuceneRequestClassifier classifier = new LuceneRequestClassifier(LuceneRequestClassifier.Method.NAIVE_BAYES);
        setup.stopOnClose(classifier::close);
        RoutingImpl routing = RoutingImpl.of(setup.database(), classifier, node.pools().forModule("crm"),
                setup.settings(), new RoutingSettings(0.6, 3, Duration.ofDays(1)), node.feed());
        setup.stopOnClose(new RoutingFromOtherNodes(node.feed(), routing)::deactivate);
        return routing;
    }

    /** Within 2 s (the bound) the value once it is the expected one, else the last seen. */
    private static int eventually(int expected, IntSupplier value) throws InterruptedException {
        int last = value.getAsInt();
        for (long end = System.nanoTime() + Duration.ofSeconds(2).toNanos(); last != expected
                && System.nanoTime() < end;) {
            Thread.sleep(50);
            last = value.getAsInt();
        }
        return last;
    }
}
