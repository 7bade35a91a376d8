package ua.hromada.eservices.ui.appeals;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.api.Units;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The council's units ({@code eservices/units}): a grid and a form. A unit's employees are the
 * holders of its portal role, offered from the portal's roles (typed in when the roles service is
 * absent).
 */
public class UnitsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient Units units;
    private final transient Roles roles;
    private final transient PortalUser user;
    private final Grid<Unit> grid = new Grid<>();

    /** {@code roles} may be null (the portal's roles service absent). */
    public UnitsView(Units units, Roles roles, PortalUser user) {
        this.units = units;
        this.roles = roles;
        this.user = user;
        setId("eservices-units-view");
        setSizeFull();
        add(new H2(getTranslation("eservices.ui.appeal.units.title")));
        Button add = new Button(getTranslation("eservices.ui.appeal.units.add"), VaadinIcon.PLUS.create(),
                e -> edit(Unit.create("", "", "", "", "")));
        add.setId("eservices-units-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("eservices-units-grid");
        grid.setSizeFull();
        grid.addColumn(Unit::code).setHeader(getTranslation("eservices.ui.appeal.units.code")).setAutoWidth(true);
        grid.addColumn(Unit::name).setHeader(getTranslation("eservices.ui.appeal.units.name")).setFlexGrow(3);
        grid.addColumn(Unit::role).setHeader(getTranslation("eservices.ui.appeal.units.role")).setAutoWidth(true);
        grid.addColumn(Unit::email).setHeader(getTranslation("eservices.ui.appeal.units.email")).setAutoWidth(true);
        grid.addColumn(Unit::phone).setHeader(getTranslation("eservices.ui.appeal.units.phone")).setAutoWidth(true);
        grid.addColumn(u -> getTranslation(u.active() ? "eservices.ui.appeal.yes" : "eservices.ui.appeal.no"))
                .setHeader(getTranslation("eservices.ui.appeal.units.active")).setAutoWidth(true);
        AppealsUi.editColumn(grid, "eservices-units-edit-", Unit::code, this::edit);
        grid.setEmptyStateText(getTranslation("eservices.ui.appeal.units.empty"));
        add(add, grid);
        reload();
    }

    private void reload() {
        grid.setItems(units.all());
    }

    /** The form of {@code u} (a new unit when its id is 0): the row's «Змінити» and the add button. */
    void edit(Unit u) {
        boolean isNew = u.id() == 0;
        SaveDialog<Unit> d = new SaveDialog<>(this, "eservices-unit-form", getTranslation(isNew
                ? "eservices.ui.appeal.units.new" : "eservices.ui.appeal.units.edit", u.name()),
                getTranslation("eservices.ui.appeal.save"));
        TextField code = d.errors.add(new TextField(getTranslation("eservices.ui.appeal.units.code")), "code");
        code.setId("eservices-unit-code");
        code.setValue(u.code());
        code.setRequiredIndicatorVisible(true);
        TextField name = d.errors.add(new TextField(getTranslation("eservices.ui.appeal.units.name")), "name");
        name.setId("eservices-unit-name");
        name.setValue(u.name());
        name.setRequiredIndicatorVisible(true);
        ComboBox<String> role = d.errors.add(new ComboBox<>(getTranslation("eservices.ui.appeal.units.role")), "role");
        role.setId("eservices-unit-role");
        role.setHelperText(getTranslation("eservices.ui.appeal.units.roleHint"));
        List<String> roleNames = new ArrayList<>(roles == null ? List.of()
                : roles.list().stream().map(Roles.RoleDefinition::name).sorted().toList());
        if (u.role() != null && !u.role().isBlank() && !roleNames.contains(u.role())) {
            roleNames.add(u.role()); // a role removed since: kept visible, not silently dropped
        }
        role.setItems(roleNames);
        role.setAllowCustomValue(roles == null);
        role.addCustomValueSetListener(e -> {
            roleNames.add(e.getDetail());
            role.setItems(roleNames);
            role.setValue(e.getDetail());
        });
        role.setClearButtonVisible(true);
        role.setValue(u.role() == null || u.role().isBlank() ? null : u.role());
        EmailField email = d.errors.add(new EmailField(getTranslation("eservices.ui.appeal.units.email")), "email");
        email.setId("eservices-unit-email");
        email.setValue(u.email() == null ? "" : u.email());
        TextField phone = d.errors.add(new TextField(getTranslation("eservices.ui.appeal.units.phone")), "phone");
        phone.setId("eservices-unit-phone");
        phone.setValue(u.phone() == null ? "" : u.phone());
        Checkbox active = d.errors.add(new Checkbox(getTranslation("eservices.ui.appeal.units.active")), "active");
        active.setId("eservices-unit-active");
        active.setValue(u.active());
        d.content(new FormLayout(code, name, role, email, phone, active));
        d.onSave(() -> units.save(user, new Unit(u.id(), code.getValue().trim(), name.getValue().trim(),
                role.getValue() == null ? "" : role.getValue(), email.getValue().trim(), phone.getValue().trim(),
                active.getValue(), u.version())), saved -> {
                    UiSupport.success(getTranslation("eservices.ui.appeal.saved", saved.name()));
                    reload();
                }, this::reload);
        d.open();
        (isNew ? code : name).focus();
    }
}
