package ua.hromada.oks.ui;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the OKS views, PID {@value #PID} (etc/ua.hromada.oks.ui.cfg). */
@ObjectClassDefinition(id = OksUiConfig.PID, name = "Hromada OKS views", description = "The map page's event list")
public @interface OksUiConfig {
    String PID = "ua.hromada.oks.ui";

    @AttributeDefinition(name = "Events listed", description = "How many of the latest events the map page lists (1-100)")
    int events_count() default 15;

    @AttributeDefinition(name = "Refresh, seconds",
            description = "How often an open map page refreshes its event list and points (at least 5)")
    int events_refreshSeconds() default 30;
}
