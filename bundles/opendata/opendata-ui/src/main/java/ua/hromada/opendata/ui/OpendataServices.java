package ua.hromada.opendata.ui;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.RegistryTransfer;
import ua.hromada.opendata.ui.view.AuditServices;
import ua.hromada.opendata.ui.view.Services;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;

/**
 * The services the open-data views are built from, gathered once so each menu entry references
 * only this. The audit is optional: without its bundle the registry views work and simply show no
 * findings or scores. The time zone is the registry's ({@code time.zone} of PID
 * {@code ua.hromada.opendata}), so pages and the service never disagree on a day.
 */
@Component(service = OpendataServices.class, configurationPid = "ua.hromada.opendata",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public class OpendataServices implements Services {

    private static final Logger LOG = LoggerFactory.getLogger(OpendataServices.class);

    public @interface Config {
        String time_zone() default "Europe/Kyiv";
    }

    @Reference
    private DatasetRegistry registry;
    @Reference
    private RegistryTransfer transfer;
    @Reference
    private RegistryActions actions;
    @Reference
    private CurrentUser currentUser;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditComponents audit;

    private volatile ZoneId zone = ZoneId.of("Europe/Kyiv");

    @Activate
    @Modified
    void configure(Config config) {
        try {
            zone = ZoneId.of(config.time_zone().trim());
        } catch (DateTimeException e) {
            LOG.error("ua.hromada.opendata: time.zone '{}' is not a time zone; using Europe/Kyiv", config.time_zone());
            zone = ZoneId.of("Europe/Kyiv");
        }
    }

    @Override
    public DatasetRegistry registry() {
        return registry;
    }

    @Override
    public RegistryTransfer transfer() {
        return transfer;
    }

    @Override
    public RegistryActions actions() {
        return actions;
    }

    /** The audit services, null while the audit bundle is absent. */
    @Override
    public AuditServices audit() {
        return audit;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    /** The signed-in user of the current UI (views are created in the UI thread). */
    @Override
    public PortalUser user() {
        return currentUser.get().orElse(null);
    }
}
