package ua.hromada.portal.shell.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.karaf.bundle.core.BundleService;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.dto.FailedServletDTO;
import org.osgi.service.servlet.runtime.dto.RuntimeDTO;
import org.osgi.service.servlet.runtime.dto.ServletContextDTO;
import org.osgi.service.servlet.runtime.dto.ServletDTO;

import jakarta.servlet.Servlet;
import ua.hromada.portal.api.HromadaModule;
import ua.hromada.portal.api.ViewContribution;
import ua.hromada.portal.shell.core.ModuleRules.BundleFacts;

/**
 * What one bundle of a module is doing: a start error, an unresolved requirement, a failed or
 * waiting component, pages and servlets not registered yet. Split from {@link ModuleCatalogue},
 * which finds the modules and their bundles; one is made per listing, so the HTTP runtime is
 * asked once for all the bundles listed.
 */
final class BundleDiagnosis {
    private final ServiceComponentRuntime scr;
    private final ContributedRoutes contributedRoutes;
    /** The catalogue's optional, dynamic reference: asked at each use, as it may come and go. */
    private final Supplier<BundleService> bundleService;
    /** Start errors the framework or the module actions reported, by bundle id (the catalogue's). */
    private final Map<Long, String> startErrors;
    private final Registrations registrations;

    BundleDiagnosis(ServiceComponentRuntime scr, ContributedRoutes contributedRoutes,
            Supplier<BundleService> bundleService, HttpServiceRuntime httpRuntime, Map<Long, String> startErrors) {
        this.scr = scr;
        this.contributedRoutes = contributedRoutes;
        this.bundleService = bundleService;
        this.startErrors = startErrors;
        this.registrations = new Registrations(httpRuntime == null ? null : httpRuntime.getRuntimeDTO());
    }

    BundleFacts facts(Bundle bundle, boolean start) {
        boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        String error;
        String waiting = null;
        if (bundle.getState() == Bundle.ACTIVE) {
            error = failedComponents(bundle);
            if (error == null) {
                error = registrations.refusal(bundle);
            }
            if (error == null) {
                waiting = registrations.waiting(bundle);
            }
            if (error == null && waiting == null) {
                waiting = unsatisfiedComponents(bundle);
            }
        } else if (bundle.getState() == Bundle.INSTALLED) {
            error = unresolvedReason(bundle);
        } else {
            error = startErrors.get(bundle.getBundleId());
        }
        String version = bundle.getVersion().toString();
        String name = bundle.getHeaders("").get(HromadaModule.HEADER_NAME);
        if (name == null) {
            name = bundle.getHeaders("").get(Constants.BUNDLE_NAME);
        }
        return new BundleFacts(bundle.getBundleId(), bundle.getSymbolicName(), ModuleCatalogue.moduleKey(bundle), name, version,
                bundle.getState(), start && !fragment, error, waiting, contributedRoutes.ofBundle(bundle.getBundleId()));
    }

    private String failedComponents(Bundle bundle) {
        List<String> failures = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String failure = configuration.failure == null ? "" : Errors.firstLine(configuration.failure);
                    failures.add(description.name + ": " + failure);
                }
            }
        }
        return failures.isEmpty() ? null : String.join("; ", failures);
    }

    /**
     * A component property: the component waits on purpose for another module's service (e.g. OKS's
     * places from the GIS) and its module is ACTIVE without it.
     */
    static final String WAITS_FOR_OTHER_MODULE = HromadaModule.WAITS_FOR_OTHER_MODULE;

    /**
     * A component of an active bundle waiting for a service it must have (its pages come once
     * it is there): the module is still starting. Components waiting for a configuration are
     * left out: they are meant to stay off until it is given; so are those that wait for another
     * module on purpose ({@link #WAITS_FOR_OTHER_MODULE}).
     */
    private String unsatisfiedComponents(Bundle bundle) {
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (description.properties != null && "true".equals(String.valueOf(description.properties.get(WAITS_FOR_OTHER_MODULE)))) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    String missing = Arrays.stream(configuration.unsatisfiedReferences)
                            .map((UnsatisfiedReferenceDTO r) -> r.name).reduce((a, b) -> a + ", " + b).orElse("?");
                    return "component " + description.name + " waits for " + missing;
                }
            }
        }
        return null;
    }

    private String unresolvedReason(Bundle bundle) {
        BundleService diagnostics = bundleService.get();
        String diag = diagnostics == null ? "" : diagnostics.getDiag(bundle);
        for (String line : diag.split("\n")) {
            // Karaf's diagnosis lists the missing requirements after this heading
            if (!line.isBlank() && !line.startsWith("Unsatisfied Requirements")) {
                return "Unresolved: " + line.trim();
            }
        }
        return startErrors.getOrDefault(bundle.getBundleId(), "Unresolved: missing dependencies");
    }

    /**
     * Whether a bundle's pages and servlets have reached the portal: each view it registered is
     * in the shell's registry (or refused for a taken route), each servlet in the HTTP runtime
     * (or failed there, with Felix's reason code).
     */
    private final class Registrations {
        private final Map<Long, String> servlets = new HashMap<>();
        private final Map<Long, String> failedServlets = new LinkedHashMap<>();
        private final boolean known;

        Registrations(RuntimeDTO runtime) {
            known = runtime != null;
            if (runtime == null) {
                return;
            }
            for (ServletContextDTO ctx : runtime.servletContextDTOs) {
                for (ServletDTO servlet : ctx.servletDTOs) {
                    servlets.put(servlet.serviceId, servlet.name);
                }
            }
            for (FailedServletDTO failed : runtime.failedServletDTOs) {
                failedServlets.put(failed.serviceId, "servlet " + failed.name + " not registered (reason "
                        + failed.failureReason + ")");
            }
        }

        String refusal(Bundle bundle) {
            List<String> refused = new ArrayList<>(contributedRoutes.refusedOf(bundle.getBundleId()));
            for (ServiceReference<?> ref : services(bundle, Servlet.class.getName())) {
                String failure = failedServlets.get((Long) ref.getProperty(Constants.SERVICE_ID));
                if (failure != null) {
                    refused.add(failure);
                }
            }
            return refused.isEmpty() ? null : String.join("; ", refused);
        }

        String waiting(Bundle bundle) {
            int views = services(bundle, ViewContribution.class.getName()).size();
            int routes = contributedRoutes.ofBundle(bundle.getBundleId()).size();
            if (routes < views) {
                return (views - routes) + " of " + views + " pages not registered yet";
            }
            int pending = 0;
            for (ServiceReference<?> ref : services(bundle, Servlet.class.getName())) {
                Long id = (Long) ref.getProperty(Constants.SERVICE_ID);
                if (!known || !servlets.containsKey(id) && !failedServlets.containsKey(id)) {
                    pending++;
                }
            }
            return pending == 0 ? null : pending + " servlet(s) not registered yet";
        }

        private List<ServiceReference<?>> services(Bundle bundle, String objectClass) {
            ServiceReference<?>[] refs;
            try {
                refs = bundle.getRegisteredServices();
            } catch (IllegalStateException e) {
                return List.of();
            }
            if (refs == null) {
                return List.of();
            }
            List<ServiceReference<?>> matching = new ArrayList<>();
            for (ServiceReference<?> ref : refs) {
                if (Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS)).contains(objectClass)) {
                    matching.add(ref);
                }
            }
            return matching;
        }
    }
}
