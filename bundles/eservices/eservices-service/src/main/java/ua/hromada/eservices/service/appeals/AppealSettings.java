package ua.hromada.eservices.service.appeals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.calendar.WorkingDays;

/**
 * The e-appeals settings in force ({@link EservicesConfig}, read once), with the community's time and
 * the working-day calendar; every e-appeals service references it.
 */
@Component(service = AppealSettings.class, configurationPid = EservicesConfig.PID)
@Designate(ocd = EservicesConfig.class)
public class AppealSettings {
    static final Set<String> KNOWN_TYPES = Set.of("JPEG", "PNG", "PDF");

    private final PortalSettings portal;
    private final WorkingDays workingDays;
    private final IntakeLimits limits;
    private final EservicesConfig config;

    @Activate
    public AppealSettings(@Reference PortalSettings portal, EservicesConfig config) {
        this.portal = portal;
        this.config = config;
        this.workingDays = WorkingDays.ofConfig(config.holidays());
        List<String> types = new ArrayList<>();
        for (String value : config.appeal_file_types()) {
            for (String t : value.split("[,\\s]+")) {
                String type = t.strip().toUpperCase(Locale.ROOT);
                if (!type.isEmpty()) {
                    if (!KNOWN_TYPES.contains(type)) {
                        throw new IllegalArgumentException("appeal.file.types: " + t + " is none of JPEG, PNG, PDF");
                    }
                    types.add(type);
                }
            }
        }
        this.limits = new IntakeLimits(Math.max(0, config.appeal_max_files()),
                Math.max(1, config.appeal_max_file_mb()) * 1024L * 1024L, List.copyOf(types),
                Math.max(10, config.appeal_max_text()));
    }

    public PortalSettings portal() {
        return portal;
    }

    public WorkingDays workingDays() {
        return workingDays;
    }

    public IntakeLimits limits() {
        return limits;
    }

    int ratePerAddress() {
        return config.rate_per_address();
    }

    int ratePerEmail() {
        return config.rate_per_email();
    }

    int formsPerAddress() {
        return config.rate_forms_per_address();
    }

    int formMinSeconds() {
        return Math.max(0, config.form_min_seconds());
    }

    int formMaxHours() {
        return Math.max(1, config.form_max_hours());
    }

    int cabinetMinutes() {
        return Math.max(1, config.cabinet_link_minutes());
    }

    /** The link base for e-mails, ending with "/": the configured one, else the portal's public URL. */
    String portalUrl() {
        String url = config.portal_url().isBlank() ? portal.publicUrl() : config.portal_url().strip();
        if (url == null || url.isBlank()) {
            return "/";
        }
        return url.endsWith("/") ? url : url + "/";
    }
}
