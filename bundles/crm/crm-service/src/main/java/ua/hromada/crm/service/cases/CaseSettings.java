package ua.hromada.crm.service.cases;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.calendar.WorkingDays;

/**
 * The cases' settings in force ({@link CasesConfig}, read once) with the community's clock and the
 * working-day calendar; the cases' services reference it.
 */
@Component(service = CaseSettings.class, configurationPid = CasesConfig.PID)
@Designate(ocd = CasesConfig.class)
public class CaseSettings {
    private final PortalSettings portal;
    private final WorkingDays workingDays;
    private final CasesConfig config;

    @Activate
    public CaseSettings(@Reference PortalSettings portal, CasesConfig config) {
        this.portal = portal;
        this.config = config;
        this.workingDays = WorkingDays.ofConfig(config.holidays());
    }

    public PortalSettings portal() {
        return portal;
    }

    public WorkingDays workingDays() {
        return workingDays;
    }

    long maxScanBytes() {
        return Math.max(1, config.scan_max_mb()) * 1024L * 1024L;
    }

    int maxScansPerDocument() {
        return Math.max(1, config.scan_max_per_document());
    }

    int reminderDays() {
        return Math.max(0, config.reminder_days());
    }

    int reminderIntervalMinutes() {
        return Math.max(0, config.reminder_interval_minutes());
    }

    String centreName() {
        return config.centre_name().isBlank() ? portal.communityName() : config.centre_name().strip();
    }

    String centreContacts() {
        return config.centre_contacts().strip();
    }
}
