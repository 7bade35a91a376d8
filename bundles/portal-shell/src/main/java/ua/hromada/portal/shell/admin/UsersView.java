package ua.hromada.portal.shell.admin;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.Roles;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.UserAccount;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.shell.core.PortalTimes;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.ui.NewPasswordFields;
import ua.hromada.portal.ui.support.ComponentTexts;
import ua.hromada.portal.ui.support.EditConflicts;

/**
 * Admin: the accounts of a community — create, edit, roles there, password reset, unlock, removal
 * from the community. A community's administrator sees the current community's members; a regional
 * administrator picks the community and works as in it (the services decide what each may change).
 */
public class UsersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private final transient UserAccounts accounts;
    private final transient Roles roles;
    private final transient CurrentUserImpl currentUser;
    private final transient Communities communities;
    private final PortalTimes times;
    private final Grid<UserAccount> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<UserAccount, Void, String> data;
    /** The community whose members the page shows and changes. */
    private String community;

    /** @param regional whether the signed-in user is a regional administrator (picks the community) */
    public UsersView(UserAccounts accounts, Roles roles, CurrentUserImpl currentUser, PortalTimes times,
            Communities communities, boolean regional) {
        this.accounts = accounts;
        this.times = times;
        this.roles = roles;
        this.currentUser = currentUser;
        this.communities = communities;
        this.community = communities.current().id();
        setId("users-view");
        setSizeFull();

        TextField filter = new TextField();
        filter.setId("users-filter");
        filter.setPlaceholder(getTranslation("admin.users.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        Button add = new Button(getTranslation("admin.users.add"), VaadinIcon.PLUS.create(), e -> edit(null));
        add.setId("users-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout toolbar = new HorizontalLayout(filter, add);
        toolbar.setWidthFull();
        toolbar.expand(filter);

        CallbackDataProvider<UserAccount, String> provider = DataProvider.fromFilteringCallbacks(
                q -> accounts.members(community, q.getFilter().orElse(null), q.getOffset(), q.getLimit()).stream(),
                q -> (int) accounts.countMembers(community, q.getFilter().orElse(null)));
        data = provider.withConfigurableFilter();
        filter.addValueChangeListener(e -> data.setFilter(e.getValue()));
        if (regional) {
            ComboBox<Community> picker = new ComboBox<>(getTranslation("admin.users.community"));
            picker.setId("users-community");
            picker.setItems(communities.all());
            picker.setItemLabelGenerator(Community::name);
            picker.setValue(communities.current());
            picker.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    community = e.getValue().id();
                    data.refreshAll();
                }
            });
            toolbar.addComponentAtIndex(0, picker);
            toolbar.setAlignItems(Alignment.BASELINE);
        }

        grid.addColumn(UserAccount::username).setHeader(getTranslation("admin.users.username")).setAutoWidth(true)
                .setResizable(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("admin.users.displayName")).setAutoWidth(true)
                .setResizable(true);
        grid.addColumn(UserAccount::email).setHeader(getTranslation("admin.users.email")).setAutoWidth(true)
                .setResizable(true);
        grid.addColumn(u -> String.join(", ", new TreeSet<>(u.roles()))).setHeader(getTranslation("admin.users.roles"))
                .setResizable(true);
        if (regional) {
            // every community of the account with its roles there: what a regional administrator oversees
            grid.addColumn(u -> membershipsText(accounts.memberships(u.username())))
                    .setHeader(getTranslation("admin.users.communities")).setResizable(true);
        }
        grid.addColumn(u -> getTranslation(u.enabled() ? "common.yes" : "common.no"))
                .setHeader(getTranslation("admin.users.enabled")).setAutoWidth(true).setFlexGrow(0);
        // times in the community's zone; the columns are as wide as their header and a full date
        // and time, never cut (the grid scrolls sideways on a narrow screen instead)
        grid.addColumn(u -> times.minutes(u.lockedUntil())).setKey("lockedUntil")
                .setHeader(getTranslation("admin.users.lockedUntil")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> times.minutes(u.lastLogin())).setKey("lastLogin")
                .setHeader(getTranslation("admin.users.lastLogin")).setAutoWidth(true).setFlexGrow(0);
        // the actions are frozen at the end: a grid wider than the screen scrolled sideways when an
        // action button took the focus, which moved the button from under the pointer mid-click
        grid.addComponentColumn(u -> {
            Button editButton = new Button(VaadinIcon.EDIT.create(), e -> edit(u));
            editButton.setTooltipText(getTranslation("common.edit"));
            editButton.getElement().setAttribute("aria-label", getTranslation("common.edit"));
            Button password = new Button(VaadinIcon.PASSWORD.create(), e -> resetPassword(u));
            password.setTooltipText(getTranslation("admin.users.resetPassword"));
            password.getElement().setAttribute("aria-label", getTranslation("admin.users.resetPassword"));
            HorizontalLayout actions = new HorizontalLayout(editButton, password);
            if (u.lockedUntil() != null || u.failedAttempts() > 0) {
                Button unlock = new Button(VaadinIcon.UNLOCK.create(), e -> {
                    try {
                        inCommunity(() -> {
                            accounts.unlock(u.username(), Feedback.actor());
                            return null;
                        });
                        Feedback.success(getTranslation("admin.users.unlocked", u.username()));
                    } catch (AccountException ex) {
                        Feedback.error(getTranslation(ex.messageKey()));
                    }
                    data.refreshAll();
                });
                unlock.setTooltipText(getTranslation("admin.users.unlock"));
                unlock.getElement().setAttribute("aria-label", getTranslation("admin.users.unlockUser", u.username()));
                unlock.addClassName("user-unlock");
                actions.add(unlock);
            }
            return actions;
        }).setHeader(getTranslation("common.actions")).setAutoWidth(true).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(data);
        grid.addItemDoubleClickListener(e -> edit(e.getItem()));
        grid.setEmptyStateText(getTranslation("admin.users.empty"));
        add(toolbar, grid);
        expand(grid);
    }

    private void edit(UserAccount existing) {
        Dialog dialog = new Dialog();
        dialog.setId("user-dialog");
        dialog.setHeaderTitle(getTranslation(existing == null ? "admin.users.add" : "admin.users.edit"));
        TextField username = new TextField(getTranslation("admin.users.username"));
        username.setId("user-username");
        username.setRequired(true);
        TextField displayName = new TextField(getTranslation("admin.users.displayName"));
        displayName.setId("user-displayName");
        displayName.setRequired(true);
        EmailField email = new EmailField(getTranslation("admin.users.email"));
        email.setId("user-email");
        PasswordField password = ComponentTexts.password(new PasswordField(getTranslation("admin.users.password")));
        password.setId("user-password");
        MultiSelectComboBox<String> roleBox = new MultiSelectComboBox<>(getTranslation("admin.users.roles"));
        roleBox.setId("user-roles");
        roleBox.setItems(roles.list().stream().map(Roles.RoleDefinition::name).collect(Collectors.toList()));
        Checkbox enabled = new Checkbox(getTranslation("admin.users.enabled"), true);
        enabled.setId("user-enabled");
        FormLayout form = new FormLayout(username, displayName, email);
        if (existing == null) {
            form.add(password);
        } else {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName() == null ? "" : existing.displayName());
            email.setValue(existing.email() == null ? "" : existing.email());
            roleBox.setValue(existing.roles());
            enabled.setValue(existing.enabled());
        }
        form.add(roleBox, enabled);
        dialog.add(form);
        // a refusal is shown at the field it is about, and goes once that field is changed
        FieldErrors errors = new FieldErrors(roleBox)
                .on("portal.user.username.", username)
                .on("portal.user.displayName.", displayName)
                .on("portal.user.email.", email)
                .on("portal.password.", password)
                .on("portal.user.role.", roleBox)
                .on("portal.user.lastAdmin", enabled);
        Button save = new Button(getTranslation("common.save"), e -> {
            errors.clear();
            try {
                Set<String> selected = roleBox.getValue();
                // roles are the page's community's: the services work as in it
                inCommunity(() -> {
                    if (existing == null) {
                        accounts.create(username.getValue(), displayName.getValue(), email.getValue(),
                                password.getValue().toCharArray(), selected, Feedback.actor());
                    } else {
                        accounts.update(existing.username(), displayName.getValue(), email.getValue(),
                                enabled.getValue(), selected, existing.version(), Feedback.actor());
                    }
                    return null;
                });
                Feedback.success(getTranslation("common.saved"));
                dialog.close();
                data.refreshAll();
                getUI().ifPresent(ui -> currentUser.refresh(ui.getSession()));
            } catch (AccountException ex) {
                errors.show(ex.messageKey(), getTranslation(ex.messageKey()));
            } catch (EditConflictException ex) {
                EditConflicts.show(this, () -> {
                    dialog.close();
                    data.refreshAll();
                    inCommunity(() -> accounts.find(existing.username())).ifPresent(this::edit);
                });
            }
        });
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        if (existing != null) {
            // the account stays, with its other communities; only its membership of this one ends
            Button leave = new Button(getTranslation("admin.users.leave"), VaadinIcon.EXIT_O.create(), e -> {
                dialog.close();
                leave(existing);
            });
            leave.setId("user-leave");
            leave.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            leave.getStyle().set("margin-inline-end", "auto");
            dialog.getFooter().add(leave);
        }
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
        (existing == null ? username : displayName).focus();
    }

    private void resetPassword(UserAccount account) {
        Dialog dialog = new Dialog();
        dialog.setId("password-dialog");
        dialog.setHeaderTitle(getTranslation("admin.users.resetPasswordFor", account.username()));
        NewPasswordFields fields = new NewPasswordFields();
        fields.password().setId("password-new");
        fields.repeat().setId("password-repeat");
        dialog.add(new FormLayout(fields.password(), fields.repeat()));
        Button save = new Button(getTranslation("common.save"), e -> {
            if (!fields.check()) {
                return;
            }
            try {
                inCommunity(() -> {
                    accounts.changePassword(account.username(), fields.value(), Feedback.actor());
                    return null;
                });
                Feedback.success(getTranslation("admin.users.passwordChanged"));
                dialog.close();
            } catch (AccountException ex) {
                fields.refuse(getTranslation(ex.messageKey()));
            }
        });
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        dialog.open();
        fields.password().focus();
    }

    /** Ends the account's membership of the page's community (its account stays, with its other communities). */
    private void leave(UserAccount account) {
        Dialog confirm = new Dialog();
        confirm.setId("user-leave-dialog");
        confirm.setHeaderTitle(getTranslation("admin.users.leave"));
        confirm.add(account.username() + " — " + communityName(community));
        Button yes = new Button(getTranslation("admin.users.leave"), e -> {
            confirm.close();
            removeFromCommunity(account);
        });
        yes.setId("user-leave-confirm");
        yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button(getTranslation("common.cancel"), e -> confirm.close()), yes);
        confirm.open();
    }

    private void removeFromCommunity(UserAccount account) {
        try {
            accounts.setMembership(account.username(), community, null, account.version(), Feedback.actor());
            Feedback.success(getTranslation("admin.users.left", account.username(), communityName(community)));
        } catch (AccountException ex) {
            Feedback.error(getTranslation(ex.messageKey()));
        } catch (EditConflictException ex) {
            EditConflicts.show(this, data::refreshAll);
            return;
        }
        data.refreshAll();
        getUI().ifPresent(ui -> currentUser.refresh(ui.getSession()));
    }

    /** The work as in the page's community (the current one unless a regional administrator picked another). */
    private <T> T inCommunity(Supplier<T> work) {
        return communities.callAs(community, work);
    }

    private String communityName(String id) {
        return communities.find(id).map(Community::name).orElse(id);
    }

    /** "Полтава: admin, employee; Решетилівка: —" */
    private String membershipsText(Map<String, Set<String>> memberships) {
        return memberships.entrySet().stream()
                .map(e -> communityName(e.getKey()) + ": "
                        + (e.getValue().isEmpty() ? "—" : String.join(", ", new TreeSet<>(e.getValue()))))
                .collect(Collectors.joining("; "));
    }
}
