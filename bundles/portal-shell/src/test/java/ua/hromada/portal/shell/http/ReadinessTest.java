package ua.hromada.portal.shell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.InstalledModules.ModuleError;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.Source;
import ua.hromada.portal.api.InstalledModules.State;
import ua.hromada.portal.shell.http.Readiness.Status;
import ua.hromada.portal.shell.http.Readiness.Verdict;

class ReadinessTest {

    private static ModuleInfo module(String key, State state, String waiting, ModuleError... errors) {
        return new ModuleInfo(key, key, null, "1.0.0", state, Source.BOOT, List.of(), List.of(errors), waiting, List.of());
    }

    private static final ModuleInfo DOCS = module("docsearch", State.ACTIVE, null);
    private static final ModuleInfo OKS = module("oks", State.ACTIVE, null);

    @Test
    void upOnlyWhenThePlatformStartedTheBootModulesAreInAndEveryModuleIsActive() {
        Verdict verdict = Readiness.decide(true, true, true, false, List.of(DOCS, OKS));
        assertEquals(Status.UP, verdict.status());
        assertEquals(200, verdict.httpStatus());
        assertTrue(verdict.problems().isEmpty());
    }

    @Test
    void aRestartWithModuleBundlesStillResolvedIsStarting503EvenAfterKarafSaysBootFinished() {
        ModuleInfo starting = module("oks", State.STARTING, "ua.hromada.oks-ui: RESOLVED");
        Verdict verdict = Readiness.decide(true, true, true, false, List.of(DOCS, starting));
        assertEquals(Status.STARTING, verdict.status());
        assertEquals(503, verdict.httpStatus());
        assertEquals(List.of(Map.of("module", "oks", "state", "STARTING", "reason", "ua.hromada.oks-ui: RESOLVED")),
                verdict.problems());
    }

    @Test
    void thePlatformStillStartingOrBootModulesNotYetInstalledIsStarting() {
        assertEquals(Status.STARTING, Readiness.decide(true, false, true, false, List.of(DOCS)).status());
        Verdict notProvisioned = Readiness.decide(true, true, false, false, List.of());
        assertEquals(Status.STARTING, notProvisioned.status());
        assertEquals("portal", notProvisioned.problems().get(0).get("module"));
        assertEquals(Status.STARTING, Readiness.decide(true, true, true, false,
                List.of(module("opendata", State.INSTALLING, "boot install of hromada-opendata"))).status());
    }

    @Test
    void aFailedModuleMakesItDegradedNamingItAndItsReasonOnceTheOthersHaveSettled() {
        ModuleInfo failed = module("oks", State.FAILED, null,
                new ModuleError("ua.hromada.oks-service", "extension \"postgis\" is not available"));
        Verdict settled = Readiness.decide(true, true, true, false, List.of(DOCS, failed));
        assertEquals(Status.DEGRADED, settled.status());
        assertEquals(200, settled.httpStatus());
        assertEquals(List.of(Map.of("module", "oks", "state", "FAILED",
                "reason", "ua.hromada.oks-service: extension \"postgis\" is not available")), settled.problems());
        // while another module is still starting, the portal is still starting
        Verdict early = Readiness.decide(true, true, true, false,
                List.of(module("docsearch", State.STARTING, "x"), failed));
        assertEquals(Status.STARTING, early.status());
        assertEquals(2, early.problems().size());
    }

    @Test
    void aModuleStoppedOnPurposeDoesNotKeepThePortalFromUp() {
        assertEquals(Status.UP, Readiness.decide(true, true, true, false,
                List.of(DOCS, module("fixture", State.STOPPED, null))).status());
    }

    @Test
    void aStartThatTakesLongerThanThePatienceIsReportedAsItIsDegraded() {
        Verdict verdict = Readiness.decide(true, true, true, true, List.of(module("oks", State.STARTING, "waits")));
        assertEquals(Status.DEGRADED, verdict.status());
        assertEquals(200, verdict.httpStatus());
        assertEquals(Status.DEGRADED, Readiness.decide(true, true, false, true, List.of()).status(),
                "a boot install that never finishes");
    }

    @Test
    void noDatabaseIsDown503WhateverTheModules() {
        Verdict verdict = Readiness.decide(false, true, true, false, List.of(DOCS));
        assertEquals(Status.DOWN, verdict.status());
        assertEquals(503, verdict.httpStatus());
    }
}
