package ua.hromada.example.phonebook;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.ModulePermissionSet;

/**
 * The module's permissions; the roles view offers them to the administrator to grant, labelled by
 * {@code phonebook.permission.view} and {@code phonebook.permission.edit}.
 */
@Component(service = PermissionSet.class)
public class PhonebookPermissions extends ModulePermissionSet {

    /** Read the directory. */
    static final String VIEW = "phonebook.view";
    /** Add, change and remove numbers. */
    static final String EDIT = "phonebook.edit";
    /** Open the page: either of them (as {@code PortalUser.anyOf(VIEW, EDIT)} writes it, but a constant). */
    static final String READ = VIEW + PortalUser.ANY_OF + EDIT;

    public PhonebookPermissions() {
        super(Phonebook.MODULE, VIEW, EDIT);
    }
}
