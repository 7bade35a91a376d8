package ua.hromada.crm.ui.queue;

import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.CrmException;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import java.util.Map;

/** What the queue's pages share: the menu section, routes, permissions and how a refusal is shown. */
public final class QueuePages {
    /** Menu section of the CRM, titled {@code menu.section.crm}. */
    public static final String SECTION = "crm";
    /** The desk's and the kiosk's steps: an administrator, or the head. */
    public static final String DESK = CrmPermissions.ADMINISTRATOR + PortalUser.ANY_OF + CrmPermissions.HEAD;
    public static final String DESK_ROUTE = "tsnap/cherha";
    public static final String KIOSK_ROUTE = "tsnap/kiosk";
    /** The hall display: public, only ticket numbers and windows. */
    public static final String DISPLAY_ROUTE = "tsnap/tablo";
    public static final String PLANNING_ROUTE = "tsnap/planuvannia";

    private QueuePages() {
    }

    /**
     * Shows a refusal: each field error at its field when the page has it, else the message in a
     * notification.
     */
    static void refused(Component page, CrmException e, Map<String, ? extends HasValidation> fields) {
        boolean placed = false;
        for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
            HasValidation field = fields.get(error.getKey());
            if (field != null) {
                field.setErrorMessage(page.getTranslation(error.getValue()));
                field.setInvalid(true);
                placed = true;
            } else {
                UiSupport.error(page.getTranslation(error.getValue()));
                placed = true;
            }
        }
        if (!placed) {
            UiSupport.error(page.getTranslation(e.messageKey(), e.args()));
        }
    }
}
