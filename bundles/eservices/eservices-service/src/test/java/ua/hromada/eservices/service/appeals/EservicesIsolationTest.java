package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.eservices.service.catalogue.ShippedCatalogue;
import ua.hromada.portal.testing.CommunityIsolationCheck;

/**
 * The module's isolation test (docs/regional-hosting.md): community "a" writes rows into every table
 * of the schema {@code eservices} through the real services (units, topics, the catalogue and a link
 * check, an appeal with a file, the cabinet), then no other community may read, change or forge them.
 */
class EservicesIsolationTest {
    @AutoClose
    private final EservicesTestSetup setup = new EservicesTestSetup();

    @BeforeEach
    void setUp() {
        setup.communities().add("a", "a.example").add("b", "b.example");
    }

    @Test
    void everyTableKeepsItsCommunitysRows() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        int port = closed;
        setup.communities().runAs("a", () -> {
            setup.shipTopics();
            setup.database().tx(ShippedCatalogue::seedIfNew);
            EService local = setup.catalogue().save(setup.editor, new EService(0, "local-check", "Перевірка посилання",
                    "Сервіс на локальній адресі", "http://127.0.0.1:" + port + "/", null, List.of(), Audience.BOTH,
                    ProviderKind.COUNCIL, null, ServiceStatus.ACTIVE, 0, 0, null));
            setup.monitor().checkNow(setup.editor, local.id());
            AppealFixture resident = new AppealFixture(setup);
            resident.submit(setup.intake(), "inshe", "a@example.org", true,
                    List.of(resident.file("a.png", AppealFixture.png())));
            assertTrue(setup.cabinet().open(reissue()).isPresent());
        });
        CommunityIsolationCheck.assertIsolated(setup.dataSource(), "eservices", "a", "b");
    }

    /** A cabinet link of community "a" made as the intake makes one (the e-mailed token is not at hand here). */
    private String reissue() {
        return setup.database().tx(c -> ApplicantCabinetImpl.newLink(c, new java.security.SecureRandom(), "a@example.org",
                setup.settings().clock().instant(), 60));
    }
}
