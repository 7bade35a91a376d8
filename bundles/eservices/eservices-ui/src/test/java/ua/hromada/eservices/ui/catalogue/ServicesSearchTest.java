package ua.hromada.eservices.ui.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.eservices.service.catalogue.ShippedCatalogue;
import ua.hromada.eservices.ui.ServicesPublicSearch;
import ua.hromada.eservices.ui.ServicesSearch;
import ua.hromada.portal.api.SearchProvider.SearchHit;

/** The public home page's search finds active services only, leading to the public page; employees find hidden ones too. */
class ServicesSearchTest {
    private final EservicesTestSetup setup = new EservicesTestSetup();

    @AfterEach
    void close() {
        setup.close();
    }

    @Test
    void residentsFindActiveServicesAndEmployeesEveryOne() {
        setup.database().tx(ShippedCatalogue::seedIfNew);
        EService petitions = setup.catalogue().list(ServiceQuery.text("e-petitions"), 0, 1).get(0);
        Locale uk = Locale.forLanguageTag("uk");
        List<SearchHit> hits = new ServicesPublicSearch(setup.catalogue()).search("петиції", 5, uk);
        assertEquals(1, hits.size());
        assertEquals("posluhy?q=%D0%95%D0%BB%D0%B5%D0%BA%D1%82%D1%80%D0%BE%D0%BD%D0%BD%D1%96%20%D0%BF%D0%B5%D1%82"
                + "%D0%B8%D1%86%D1%96%D1%97%20%D0%B4%D0%BE%20%D0%BC%D1%96%D1%81%D1%8C%D0%BA%D0%BE%D1%97%20%D1%80%D0%B0"
                + "%D0%B4%D0%B8", hits.get(0).route());
        setup.catalogue().save(setup.editor, petitions.withStatus(ServiceStatus.HIDDEN));
        assertEquals(List.of(), new ServicesPublicSearch(setup.catalogue()).search("петиції", 5, uk));
        assertEquals(List.of(), new ServicesPublicSearch(setup.catalogue()).search("  ", 5, uk));
        List<SearchHit> employees = new ServicesSearch(setup.catalogue()).search("петиції", 5, uk);
        assertEquals(1, employees.size());
        assertTrue(employees.get(0).route().startsWith("eservices/catalogue?q=e-petitions"));
    }
}
