package ua.hromada.eservices.service.appeals;

import org.junit.jupiter.api.AutoClose;

import ua.hromada.eservices.service.EservicesTestSetup;

/**
 * What the e-appeals tests share: a fresh e-services set-up with the shipped topics (closed after
 * each test) and a resident at the public form.
 */
abstract class AppealTest {
    @AutoClose
    final EservicesTestSetup setup = new EservicesTestSetup();
    final AppealFixture resident = new AppealFixture(setup);

    AppealTest() {
        setup.shipTopics();
    }
}
