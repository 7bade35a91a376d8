package ua.hromada.portal.api;

import com.vaadin.flow.component.Component;

/** A card on the home dashboard. Created anew for every dashboard shown. */
public interface DashboardWidget {

    /** Resource-bundle key of the card title. */
    String titleKey();

    default int order() {
        return 100;
    }

    /** Permission needed to see the widget; null means any signed-in user. */
    String requiredPermission();

    /** Builds the widget's content for the current user (runs in the UI thread). */
    Component create();
}
