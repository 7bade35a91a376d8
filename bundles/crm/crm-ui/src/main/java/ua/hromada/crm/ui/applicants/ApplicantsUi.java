package ua.hromada.crm.ui.applicants;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalUser;

/** The applicants pages' routes and rights. */
public final class ApplicantsUi {
    public static final String SECTION = "crm";
    /** Every role of the centre reads applicants; the front desk registers them. */
    public static final String READ = CrmPermissions.ADMINISTRATOR + PortalUser.ANY_OF + CrmPermissions.BACK_OFFICE
            + PortalUser.ANY_OF + CrmPermissions.HEAD;
    public static final String LIST_ROUTE = "tsnap/zaiavnyky";
    public static final String APPLICANT_ROUTE = "tsnap/zaiavnyky/:id";
    public static final String PREFIX = "tsnap/zaiavnyky/";
    /** The id part of a new applicant's page. */
    public static final String NEW = "nova";

    private ApplicantsUi() {
    }

    /** A field error of the service at its field, its message with the arguments it names. */
    static void mark(Component owner, HasValidation field, CrmException e, String name) {
        field.setErrorMessage(owner.getTranslation(e.fieldErrors().get(name), e.fieldArgs(name)));
        field.setInvalid(true);
    }
}
