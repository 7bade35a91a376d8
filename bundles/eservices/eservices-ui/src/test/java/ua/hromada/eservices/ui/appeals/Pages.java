package ua.hromada.eservices.ui.appeals;

import java.util.Map;

import com.vaadin.flow.component.UI;

import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.api.map.MapSettings;

/**
 * What every appeals page test stands on: the real e-services services with their local SMTP
 * server, the shipped base map, and a UI current for the test's thread.
 */
final class Pages implements AutoCloseable {
    final EservicesTestSetup setup = new EservicesTestSetup();
    final MapSettings map = Resident.shippedMap(setup);
    // Vaadin holds the current UI weakly: the field keeps it for the test
    final UI ui = new UI();

    Pages() {
        UI.setCurrent(ui);
        setup.mailServer();
    }

    /** A resident on the form with the shipped limits. */
    Resident resident() {
        return new Resident(setup, map);
    }

    /** A resident filing many appeals from the one test address: the rate limits raised so they do not stop them. */
    Resident busyResident() {
        return new Resident(setup, map,
                setup.intake(setup.appealSettings(Map.of("rate.per.address", 1000, "rate.per.email", 1000))));
    }

    @Override
    public void close() {
        UI.setCurrent(null);
        setup.close();
    }
}
