package ua.hromada.portal.shell.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import ua.hromada.portal.api.InstalledModules.ModuleError;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.Source;
import ua.hromada.portal.api.InstalledModules.State;
import ua.hromada.portal.shell.core.ModuleRules.BundleFacts;
import ua.hromada.portal.shell.core.ModuleRules.ModuleFacts;

class ModuleRulesTest {

    private static BundleFacts bundle(long id, String bsn, String name, int state, String error, String waiting,
            String... routes) {
        return new BundleFacts(id, bsn, name == null ? null : "oks", name, "1.2.0", state, true, error, waiting,
                List.of(routes));
    }

    private static ModuleFacts oks(List<BundleFacts> bundles, boolean stopped) {
        return new ModuleFacts("oks", Source.BOOT, "1.2.0", "ОКС: облік і контроль порушень", bundles, stopped, null, null);
    }

    private static final BundleFacts API = bundle(10, "ua.hromada.oks-api", null, Bundle.ACTIVE, null, null);
    private static final BundleFacts SERVICE = bundle(11, "ua.hromada.oks-service", "ОКС (сервіс)", Bundle.ACTIVE, null, null);
    private static final BundleFacts UI = bundle(12, "ua.hromada.oks-ui", "ОКС", Bundle.ACTIVE, null, null, "oks/map", "oks");

    @Test
    void aModuleWhoseBundlesAllRunIsActiveNamedByItsMainBundleWithTheirPages() {
        ModuleInfo module = ModuleRules.module(oks(List.of(API, SERVICE, UI), false));
        assertEquals(State.ACTIVE, module.state());
        assertEquals("ОКС", module.name(), "the shortest module name of its bundles: the main one");
        assertEquals("ua.hromada.oks-ui", module.nameBundle());
        assertEquals("1.2.0", module.version());
        assertEquals(List.of("oks", "oks/map"), module.routes());
        assertEquals(3, module.bundles().size());
        assertTrue(module.errors().isEmpty());
        assertNull(module.waitingFor());
        assertNull(module.errorText());
    }

    @Test
    void aRestartedModuleWithBundlesStillResolvedIsStartingNotActive() {
        BundleFacts resolved = bundle(12, "ua.hromada.oks-ui", "ОКС", Bundle.RESOLVED, null, null);
        ModuleInfo module = ModuleRules.module(oks(List.of(API, SERVICE, resolved), false));
        assertEquals(State.STARTING, module.state());
        assertEquals("ua.hromada.oks-ui: RESOLVED", module.waitingFor());
        assertEquals("RESOLVED", module.bundles().get(2).state());
    }

    @Test
    void anActiveBundleWhosePagesAreNotRegisteredKeepsTheModuleStarting() {
        BundleFacts pending = bundle(12, "ua.hromada.oks-ui", "ОКС", Bundle.ACTIVE, null, "2 of 5 pages not registered yet");
        ModuleInfo module = ModuleRules.module(oks(List.of(API, SERVICE, pending), false));
        assertEquals(State.STARTING, module.state());
        assertEquals("ua.hromada.oks-ui: 2 of 5 pages not registered yet", module.waitingFor());
    }

    @Test
    void aBundleErrorMakesTheModuleFailedNamingTheBundleWhateverElseHolds() {
        BundleFacts failed = bundle(11, "ua.hromada.oks-service", "ОКС (сервіс)", Bundle.ACTIVE,
                "OksMigrations: extension \"postgis\" is not available", null);
        BundleFacts resolved = bundle(12, "ua.hromada.oks-ui", "ОКС", Bundle.RESOLVED, null, null);
        ModuleInfo module = ModuleRules.module(oks(List.of(API, failed, resolved), true));
        assertEquals(State.FAILED, module.state());
        assertEquals(List.of(new ModuleError("ua.hromada.oks-service", "OksMigrations: extension \"postgis\" is not available")),
                module.errors());
        assertEquals("ua.hromada.oks-service: OksMigrations: extension \"postgis\" is not available", module.errorText());
        assertNull(module.waitingFor());
    }

    @Test
    void aModuleStoppedOnPurposeIsStoppedNotStarting() {
        List<BundleFacts> stopped = List.of(bundle(10, "ua.hromada.oks-api", null, Bundle.RESOLVED, null, null),
                bundle(12, "ua.hromada.oks-ui", "ОКС", Bundle.RESOLVED, null, null));
        assertEquals(State.STOPPED, ModuleRules.module(oks(stopped, true)).state());
        // stopped through its feature, then started again by the framework at a restart: it runs
        assertEquals(State.ACTIVE, ModuleRules.module(oks(List.of(API, SERVICE, UI), true)).state());
    }

    @Test
    void aJarIsStoppedOnPurposeOnlyWhenItsBundleIsNotPersistentlyStarted() {
        List<BundleFacts> resolved = List.of(bundle(20, "ua.hromada.fixture", "Тестовий модуль", Bundle.RESOLVED, null, null));
        assertTrue(ModuleRules.jarStopped(resolved, List.of(false)), "bundle:stop / the view's stop");
        assertEquals(false, ModuleRules.jarStopped(resolved, List.of(true)), "a restart: the framework starts it soon");
        assertEquals(false, ModuleRules.jarStopped(List.of(UI), List.of(false)), "an active bundle is not stopped");
    }

    @Test
    void fragmentsAndBundlesAFeatureDoesNotStartRunWhenResolved() {
        BundleFacts fragment = new BundleFacts(13, "ua.hromada.oks-l10n", null, null, "1.2.0", Bundle.RESOLVED, false,
                null, null, List.of());
        assertEquals(State.ACTIVE, ModuleRules.module(oks(List.of(API, UI, fragment), false)).state());
    }

    @Test
    void aBootModuleBeingInstalledIsInstallingThenFailedWithTheInstallError() {
        ModuleInfo installing = ModuleRules.module(new ModuleFacts("oks", Source.BOOT, null, null, List.of(), false,
                "boot install of hromada-oks", null));
        assertEquals(State.INSTALLING, installing.state());
        assertEquals("boot install of hromada-oks", installing.waitingFor());
        assertEquals("oks", installing.name(), "no bundle or feature to name it: its key");
        ModuleInfo failed = ModuleRules.module(new ModuleFacts("oks", Source.BOOT, null, null, List.of(), false,
                null, "not installed at boot: unknown module"));
        assertEquals(State.FAILED, failed.state());
        assertEquals(List.of(new ModuleError(null, "not installed at boot: unknown module")), failed.errors());
        assertEquals("not installed at boot: unknown module", failed.errorText());
    }

    @Test
    void aModuleWithoutANamedBundleIsNamedByItsFeatureAndAJarByItsBundleVersion() {
        ModuleInfo byFeature = ModuleRules.module(oks(List.of(API), false));
        assertEquals("ОКС: облік і контроль порушень", byFeature.name());
        assertNull(byFeature.nameBundle());
        BundleFacts jar = new BundleFacts(30, "ua.hromada.fixture", "fixture", "Тестовий модуль", "0.3.1", Bundle.ACTIVE,
                true, null, null, List.of("fixture/greeting"));
        ModuleInfo module = ModuleRules.module(new ModuleFacts("fixture", Source.JAR, null, null, List.of(jar), false,
                null, null));
        assertEquals("0.3.1", module.version());
        assertEquals("Тестовий модуль", module.name());
        assertEquals(Source.JAR, module.source());
    }

    @Test
    void featureVersionsOrderAsOsgiVersionsSnapshotsIncluded() {
        assertTrue(ModuleCatalogue.version("0.2.0").compareTo(ModuleCatalogue.version("0.10.0")) < 0);
        assertTrue(ModuleCatalogue.version("0.1.0-SNAPSHOT").compareTo(ModuleCatalogue.version("0.1.1")) < 0);
        assertEquals(org.osgi.framework.Version.emptyVersion, ModuleCatalogue.version("not a version"));
    }
}
