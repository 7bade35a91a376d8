package ua.hromada.portal.shell.admin;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.TreeSet;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.portal.api.Permission;
import ua.hromada.portal.api.PermissionSet;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.api.security.Roles.RoleDefinition;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.shell.core.PermissionCatalog;

/** Admin: roles and the permissions they grant, offered from every module's permission set. */
public class RolesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Roles roles;
    private final transient PermissionCatalog permissions;
    private final transient CurrentUserImpl currentUser;
    private final transient Function<String, Optional<String>> texts;
    private final Grid<RoleDefinition> grid = new Grid<>();
    private final VerticalLayout editor = new VerticalLayout();

    /** Whether the editor shows the empty form of a new role, and its name field. */
    private boolean showingNew;
    private TextField newRoleName;

    /** @param texts a key's text in the page's language, empty when no bundle has it */
    public RolesView(Roles roles, PermissionCatalog permissions, CurrentUserImpl currentUser,
            Function<String, Optional<String>> texts) {
        this.texts = texts;
        this.roles = roles;
        this.permissions = permissions;
        this.currentUser = currentUser;
        setId("roles-view");
        setSizeFull();
        Button add = new Button(getTranslation("admin.roles.add"), VaadinIcon.PLUS.create(), e -> {
            if (!grid.getSelectedItems().isEmpty()) {
                grid.deselectAll(); // the selection listener opens the empty form
            } else if (!showingNew) {
                showEditor(null);
            }
            // an empty form already open is kept: rebuilding it would drop what is being typed
            newRoleName.focus();
        });
        add.setId("roles-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(RoleDefinition::name).setHeader(getTranslation("admin.roles.name")).setAutoWidth(true);
        grid.addColumn(this::description).setHeader(getTranslation("admin.roles.description"));
        grid.addColumn(r -> r.permissions().size()).setHeader(getTranslation("admin.roles.permissionCount"));
        grid.setEmptyStateText(getTranslation("admin.roles.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> showEditor(e.getValue()));
        SplitLayout split = new SplitLayout(grid, editor);
        split.setSizeFull();
        split.setSplitterPosition(45);
        add(add, split);
        expand(split);
        refresh();
        showEditor(null);
    }

    /** What an administrator wrote, else the built-in role's text in the page's language. */
    private String description(RoleDefinition role) {
        return role.description() != null ? role.description() : builtIn(role).orElse("");
    }

    private Optional<String> builtIn(RoleDefinition role) {
        return texts.apply("role.builtin." + role.name());
    }

    private void refresh() {
        grid.setItems(roles.list());
    }

    private void showEditor(RoleDefinition role) {
        editor.removeAll();
        showingNew = role == null;
        TextField name = new TextField(getTranslation("admin.roles.name"));
        newRoleName = name;
        name.setId("role-name");
        name.setRequired(true);
        name.setHelperText(getTranslation("admin.roles.nameHelp"));
        TextField description = new TextField(getTranslation("admin.roles.description"));
        description.setId("role-description");
        description.setWidthFull();
        Set<String> granted = new HashSet<>();
        if (role != null) {
            name.setValue(role.name());
            name.setReadOnly(true);
            description.setValue(role.description() == null ? "" : role.description());
            // a built-in role shows its own text until an administrator writes another
            builtIn(role).ifPresent(description::setPlaceholder);
            granted.addAll(role.permissions());
        }
        name.setManualValidation(true);
        // a refusal goes as soon as the name is typed again
        name.setValueChangeMode(ValueChangeMode.EAGER);
        description.setManualValidation(true);
        name.addValueChangeListener(e -> name.setInvalid(false));
        description.addValueChangeListener(e -> description.setInvalid(false));
        editor.add(new HorizontalLayout(name, description));
        Map<String, Checkbox> boxes = new LinkedHashMap<>();
        for (PermissionSet set : permissions.permissionSets()) {
            editor.add(new H4(getTranslation("menu.section." + set.module())));
            for (Permission permission : set.permissions()) {
                Checkbox box = new Checkbox(getTranslation(permission.labelKey()) + " (" + permission.key() + ")",
                        granted.contains(permission.key()));
                box.getElement().setAttribute("data-permission", permission.key());
                boxes.put(permission.key(), box);
                editor.add(box);
            }
        }
        // grants of modules not installed now are kept, not silently dropped
        Set<String> unknown = new TreeSet<>(granted);
        unknown.removeAll(boxes.keySet());
        if (!unknown.isEmpty()) {
            editor.add(new Paragraph(getTranslation("admin.roles.unknownGrants", String.join(", ", unknown))));
        }
        Button save = new Button(getTranslation("common.save"), e -> {
            Set<String> selected = new HashSet<>(unknown);
            boxes.forEach((key, box) -> {
                if (box.getValue()) {
                    selected.add(key);
                }
            });
            name.setInvalid(false);
            description.setInvalid(false);
            try {
                // a new role never replaces one of the same name; an edit checks nobody saved meanwhile
                RoleDefinition saved = role == null
                        ? roles.create(name.getValue(), description.getValue(), selected, Feedback.actor())
                        : roles.update(role.name(), description.getValue(), selected, role.version(),
                                Feedback.actor());
                Feedback.success(getTranslation("common.saved"));
                refresh();
                grid.select(saved);
                getUI().ifPresent(ui -> currentUser.refresh(ui.getSession()));
            } catch (AccountException ex) {
                String key = ex.messageKey();
                TextField field = key.startsWith("portal.role.name.") ? name
                        : key.startsWith("portal.role.description.") ? description : null;
                if (field != null) {
                    field.setErrorMessage(getTranslation(key));
                    field.setInvalid(true);
                } else {
                    Feedback.error(getTranslation(key));
                }
            } catch (EditConflictException ex) {
                EditConflicts.show(this, () -> {
                    refresh();
                    roles.find(role.name()).ifPresentOrElse(grid::select, () -> {
                        grid.deselectAll();
                        showEditor(null);
                    });
                });
            }
        });
        save.setId("role-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(save);
        if (role != null) {
            Button delete = new Button(getTranslation("common.delete"), e -> new ConfirmDialog(
                    getTranslation("admin.roles.deleteTitle"), getTranslation("admin.roles.deleteText", role.name()),
                    getTranslation("common.delete"), c -> {
                        try {
                            roles.delete(role.name(), Feedback.actor());
                            Feedback.success(getTranslation("admin.roles.deleted"));
                            refresh();
                            showEditor(null);
                        } catch (AccountException ex) {
                            Feedback.error(getTranslation(ex.messageKey()));
                        }
                    }, getTranslation("common.cancel"), c -> {
                    }).open());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(delete);
        }
        editor.add(buttons);
    }
}
