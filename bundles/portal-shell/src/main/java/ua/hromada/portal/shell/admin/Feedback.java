package ua.hromada.portal.shell.admin;

import com.vaadin.flow.component.UI;

import ua.hromada.portal.ui.support.UiSupport;

/** Short success and error messages of the admin views. */
final class Feedback {

    private Feedback() {
    }

    static void success(String text) {
        UiSupport.success(text);
    }

    static void error(String text) {
        // the admin pages have shown their errors for 7 s, a second less than the modules' pages
        UiSupport.error(text).setDuration(7000);
    }

    static String actor() {
        UI ui = UI.getCurrent();
        ua.hromada.portal.api.PortalUser user = ui == null ? null
                : ui.getSession().getAttribute(ua.hromada.portal.api.PortalUser.class);
        return user == null ? "system" : user.username();
    }
}
