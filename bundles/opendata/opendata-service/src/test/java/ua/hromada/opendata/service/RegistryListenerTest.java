package ua.hromada.opendata.service;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.RegistryListener;

/** Readers keeping a copy of the published registry hear of every committed change. */
class RegistryListenerTest {

    @Test
    void everyCommittedChangeIsAnnounced() {
        try (OpendataTestSetup od = new OpendataTestSetup()) {
            AtomicInteger heard = new AtomicInteger();
            RegistryListener listener = heard::incrementAndGet;
            DatasetRegistryImpl registry = (DatasetRegistryImpl) od.registry();
            registry.addListener(listener);
            DataManager m = od.manager("Департамент цифрового розвитку", OpendataTestSetup.edrpou(2438830));
            assertEquals(1, heard.get(), "the new manager");
            od.dataset(m, "budget-2026", "Бюджет громади", true);
            assertTrue(heard.get() >= 2, "the new dataset");
            int before = heard.get();
            registry.addLink(od.steward, registry.datasetByIdentifier("budget-2026").orElseThrow().id(), "Файл",
                    "CSV", "https://example.org/budget.csv");
            assertEquals(before + 1, heard.get(), "the new resource");
            registry.removeListener(listener);
            od.dataset(m, "budget-2027", "Бюджет громади 2027", true);
            assertEquals(before + 1, heard.get(), "not told after it left");
            // a failing listener does not undo the change nor stop the others
            registry.addListener(() -> {
                throw new IllegalStateException("broken reader");
            });
            assertNotNull(od.dataset(m, "budget-2028", "Бюджет громади 2028", true));
        }
    }
}
