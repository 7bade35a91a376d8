package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.testing.ShippedConfig;

class ModuleBootTest {

    /** Karaf's features service refuses installs while it stops (a refresh): a restart, not a failure. */
    @Test
    void aRefusalOfTheStoppingFeaturesServiceIsNoFailure() {
        Exception rejected = new IllegalStateException("install failed",
                new java.util.concurrent.RejectedExecutionException("Task rejected from ThreadPoolExecutor[Shutting down]"));
        org.junit.jupiter.api.Assertions.assertTrue(ModuleBoot.featuresServiceStopping(rejected));
        org.junit.jupiter.api.Assertions.assertFalse(ModuleBoot.featuresServiceStopping(
                new IllegalStateException("No matching features for hromada-x")));
    }

    @Test
    void bootKeysAreReadInOrderWithoutBlanksOrRepeats() {
        assertEquals(List.of("docsearch", "oks", "opendata"),
                List.copyOf(ModuleBoot.parse(" docsearch, oks ,,opendata, oks")));
        assertEquals(List.of("oks", "docsearch"), List.copyOf(ModuleBoot.parse(new String[] {"OKS", "docsearch, oks"})));
        assertEquals(List.of("opendata"), List.copyOf(ModuleBoot.parse(List.of("opendata"))));
    }

    /** The shipped etc/ua.hromada.portal.modules.cfg, read as DS hands it over: through ModulesConfig. */
    @Test
    void theShippedConfigurationBootsEveryModule() throws IOException {
        ModulesConfig shipped = ShippedConfig.as(ModulesConfig.class, ShippedConfig.read(ModulesConfig.PID));
        assertEquals(List.of("docsearch", "oks", "opendata", "gis", "eservices", "crm"), List.copyOf(ModuleBoot.parse(shipped.boot())));
        assertEquals(Set.of(), ModuleBoot.parse(ShippedConfig.as(ModulesConfig.class, Map.of()).boot()),
                "without a file: the platform only");
    }

    @Test
    void anEmptyOrMissingListBootsThePlatformOnly() {
        assertEquals(Set.of(), ModuleBoot.parse(""));
        assertEquals(Set.of(), ModuleBoot.parse(null));
        assertEquals(Set.of(), ModuleBoot.parse(" , "));
    }

    @Test
    void featureVersionsCompareAsOsgiVersions() {
        assertTrue(ModuleUpgrades.version("0.10.0").compareTo(ModuleUpgrades.version("0.9.1.SNAPSHOT")) > 0);
        assertTrue(ModuleUpgrades.version("0.1.1").compareTo(ModuleUpgrades.version("0.1.0.SNAPSHOT")) > 0);
        assertEquals(org.osgi.framework.Version.emptyVersion, ModuleUpgrades.version("not-a-version"));
    }
}
