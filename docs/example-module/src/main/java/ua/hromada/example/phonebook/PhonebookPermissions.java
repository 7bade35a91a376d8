package ua.hromada.example.phonebook;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.PortalUser;

/** The module's permissions; the roles view offers them to the administrator to grant. */
@Component(service = PermissionSet.class)
public class PhonebookPermissions implements PermissionSet {

    /** Read the directory. */
    static final String VIEW = "phonebook.view";
    /** Add, change and remove numbers. */
    static final String EDIT = "phonebook.edit";
    /** Open the page: either of them (as {@code PortalUser.anyOf(VIEW, EDIT)} writes it, but a constant). */
    static final String READ = VIEW + PortalUser.ANY_OF + EDIT;

    @Override
    public String module() {
        return Phonebook.MODULE;
    }

    @Override
    public List<Permission> permissions() {
        return List.of(new Permission(VIEW, "phonebook.permission.view"),
                new Permission(EDIT, "phonebook.permission.edit"));
    }
}
