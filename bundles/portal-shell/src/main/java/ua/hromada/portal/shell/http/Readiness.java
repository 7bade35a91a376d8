package ua.hromada.portal.shell.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.State;

/**
 * Whether the portal is ready: the decision of {@code /api/health}, apart from how its inputs
 * are read. UP only when the database answers, the platform has started and every module meant
 * to run is ACTIVE (all its bundles active, its pages and servlets registered); STARTING (503)
 * while any of them is still on its way; DEGRADED once things have settled with a module FAILED,
 * or when the start takes longer than the patience allows (then the portal is reported as it is
 * instead of starting forever). A module stopped on purpose is not meant to run.
 */
final class Readiness {

    enum Status { UP, STARTING, DEGRADED, DOWN }

    /**
     * @param problems each module that keeps the portal from UP: key, state and why
     */
    record Verdict(Status status, int httpStatus, List<Map<String, Object>> problems) {
    }

    private Readiness() {
    }

    /**
     * @param platformStarted Karaf's boot features are started and the framework has reached
     *                        its start level
     * @param provisioned     every boot module's install has been tried
     * @param patienceOver    the start has taken longer than the health check waits
     */
    static Verdict decide(boolean databaseUp, boolean platformStarted, boolean provisioned, boolean patienceOver,
            List<ModuleInfo> modules) {
        List<Map<String, Object>> problems = new ArrayList<>();
        boolean settling = !platformStarted || !provisioned;
        boolean failed = false;
        for (ModuleInfo module : modules) {
            switch (module.state()) {
                case ACTIVE, STOPPED -> {
                    continue;
                }
                case FAILED -> failed = true;
                default -> settling = true;
            }
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("module", module.key());
            problem.put("state", module.state().name());
            problem.put("reason", module.state() == State.FAILED ? module.errorText() : module.waitingFor());
            problems.add(problem);
        }
        if (!platformStarted || !provisioned) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("module", "portal");
            problem.put("state", State.STARTING.name());
            problem.put("reason", !platformStarted ? "the platform's bundles are starting" : "boot modules are being installed");
            problems.add(0, problem);
        }
        Status status;
        if (!databaseUp) {
            status = Status.DOWN;
        } else if (settling && !patienceOver) {
            status = Status.STARTING;
        } else if (settling || failed) {
            status = Status.DEGRADED;
        } else {
            status = Status.UP;
        }
        int http = status == Status.UP || status == Status.DEGRADED ? 200 : 503;
        return new Verdict(status, http, List.copyOf(problems));
    }
}
