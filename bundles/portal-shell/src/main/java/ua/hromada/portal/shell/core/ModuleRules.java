package ua.hromada.portal.shell.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;

import ua.hromada.portal.api.InstalledModules.BundleInfo;
import ua.hromada.portal.api.InstalledModules.ModuleError;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.Source;
import ua.hromada.portal.api.InstalledModules.State;

/**
 * How a module's entry follows from what is known of its bundles: its name, version, state,
 * errors and what it waits for. No OSGi calls here (the catalogue gathers the facts), so the
 * rules are tested on their own.
 */
final class ModuleRules {

    private ModuleRules() {
    }

    /**
     * What the catalogue knows of one bundle.
     *
     * @param moduleKey  its {@code Hromada-Module} header, or null
     * @param moduleName its {@code Hromada-Module-Name} header, or null
     * @param osgiState  {@link Bundle#getState()}
     * @param mustBeActive false for fragments and bundles a feature installs without starting
     * @param error      why it cannot run, or null
     * @param waitingFor while it is active: a registration it still waits for (pages, servlets,
     *                   a component's reference), else null
     */
    record BundleFacts(long id, String symbolicName, String moduleKey, String moduleName, String version,
            int osgiState, boolean mustBeActive, String error, String waitingFor, List<String> routes) {

        boolean running() {
            return mustBeActive ? osgiState == Bundle.ACTIVE
                    : osgiState == Bundle.RESOLVED || osgiState == Bundle.ACTIVE;
        }
    }

    /**
     * What the catalogue knows of one module.
     *
     * @param featureVersion      version of its feature, null for a jar
     * @param featureDescription  its feature's description, null for a jar
     * @param stopped             stopped on purpose (its feature's requested state is
     *                            "Resolved", or a jar's bundles are not persistently started)
     * @param installing          while its archive or boot install is being processed: what is
     *                            going on, else null
     * @param installFailure      why its install failed, or null
     */
    record ModuleFacts(String key, Source source, String featureVersion, String featureDescription,
            List<BundleFacts> bundles, boolean stopped, String installing, String installFailure) {
    }

    static ModuleInfo module(ModuleFacts facts) {
        List<ModuleError> errors = new ArrayList<>();
        if (facts.installFailure() != null) {
            errors.add(new ModuleError(null, facts.installFailure()));
        }
        List<BundleInfo> bundles = new ArrayList<>();
        List<String> routes = new ArrayList<>();
        String waiting = null;
        for (BundleFacts b : facts.bundles()) {
            bundles.add(new BundleInfo(b.id(), b.symbolicName(), b.moduleName(), b.version(), stateName(b.osgiState()),
                    b.error()));
            routes.addAll(b.routes());
            if (b.error() != null) {
                errors.add(new ModuleError(b.symbolicName(), b.error()));
            } else if (waiting == null && !b.running()) {
                waiting = b.symbolicName() + ": " + stateName(b.osgiState());
            } else if (waiting == null && b.waitingFor() != null) {
                waiting = b.symbolicName() + ": " + b.waitingFor();
            }
        }
        routes.sort(Comparator.naturalOrder());
        State state = state(facts, errors, waiting);
        String waitingFor = switch (state) {
            case INSTALLING -> facts.installing() != null ? facts.installing() : "no bundles yet";
            case STARTING -> waiting;
            default -> null;
        };
        BundleFacts named = nameBundle(facts);
        String name = named != null ? named.moduleName()
                : facts.featureDescription() != null && !facts.featureDescription().isBlank()
                        ? facts.featureDescription() : facts.key();
        String version = facts.featureVersion() != null ? facts.featureVersion()
                : named != null ? named.version() : "";
        return new ModuleInfo(facts.key(), name, named == null ? null : named.symbolicName(), version, state,
                facts.source(), List.copyOf(routes), List.copyOf(errors), waitingFor, List.copyOf(bundles));
    }

    /**
     * Errors first (a failed module is FAILED whatever else is true of it); then an install in
     * progress; then a module stopped on purpose; then one whose bundles or registrations are
     * not all there yet (a restart: bundles RESOLVED before the framework starts them).
     */
    static State state(ModuleFacts facts, List<ModuleError> errors, String waiting) {
        if (!errors.isEmpty()) {
            return State.FAILED;
        }
        if (facts.installing() != null || facts.bundles().isEmpty()) {
            return State.INSTALLING;
        }
        if (facts.stopped() && waiting != null) {
            // (a module stopped through its feature that the framework started again at a
            // restart runs: it is what it does, ACTIVE)
            return State.STOPPED;
        }
        return waiting == null ? State.ACTIVE : State.STARTING;
    }

    /**
     * The bundle that names the module: of the bundles carrying the module's key, the one with
     * the shortest name ("ОКС" rather than "ОКС (сервіс)"), the module's main bundle.
     */
    static BundleFacts nameBundle(ModuleFacts facts) {
        return facts.bundles().stream()
                .filter(b -> facts.key().equals(b.moduleKey()) && b.moduleName() != null && !b.moduleName().isBlank())
                .min(Comparator.comparingInt((BundleFacts b) -> b.moduleName().length())
                        .thenComparing(BundleFacts::symbolicName))
                .orElse(null);
    }

    /** A jar module is stopped on purpose when one of its bundles is not persistently started. */
    static boolean jarStopped(List<BundleFacts> bundles, List<Boolean> persistentlyStarted) {
        for (int i = 0; i < bundles.size(); i++) {
            if (bundles.get(i).mustBeActive() && !bundles.get(i).running() && !persistentlyStarted.get(i)) {
                return true;
            }
        }
        return false;
    }

    static String stateName(int osgiState) {
        return switch (osgiState) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
