package ua.hromada.oks.adminui.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.oks.adminui.notices.Notices;
import ua.hromada.oks.adminui.support.EditorDialog;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.OksLimits;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.UserAccount;

/**
 * {@code oks/admin/executors}: organisations violations are sent to, their contacts and their
 * people (portal accounts picked from the portal's users).
 */
public class ExecutorsView extends CatalogView<ExecutorOrganisation> {

    public static final String ROUTE = "oks/admin/executors";
    private static final long serialVersionUID = 1L;

    private final transient UserAccounts accounts;
    private final transient Supplier<Notices> notices;

    /** @param notices whether e-mail notices go out now (asked each time the form opens) */
    public ExecutorsView(OksCatalog catalog, UserAccounts accounts, CurrentUser currentUser, Supplier<Notices> notices) {
        super(catalog, currentUser, "oks-executors-view");
        this.accounts = accounts;
        this.notices = notices;
        grid.addColumn(ExecutorOrganisation::name).setHeader(getTranslation("oks.adminui.executors.name"))
                .setFlexGrow(2);
        grid.addColumn(ExecutorOrganisation::email).setHeader(getTranslation("oks.adminui.executors.email"))
                .setAutoWidth(true);
        grid.addColumn(ExecutorOrganisation::phone).setHeader(getTranslation("oks.adminui.executors.phone"))
                .setAutoWidth(true);
        grid.addColumn(o -> String.join(", ", o.members())).setHeader(getTranslation("oks.adminui.executors.members"))
                .setFlexGrow(2);
        grid.addComponentColumn(o -> CatalogSupport.activeBadge(this, o.active()))
                .setHeader(getTranslation("oks.adminui.common.state")).setAutoWidth(true).setFlexGrow(0);
        finish("oks-executors-grid", "oks.adminui.executors.empty", "oks-executor-edit", ExecutorOrganisation::name,
                o -> Long.toString(o.id()), "oks.adminui.menu.executors",
                addButton("oks.adminui.executors.add", "oks-executors-add"));
    }

    @Override
    protected List<ExecutorOrganisation> entries() {
        return catalog.executors(true);
    }

    @Override
    protected void edit(ExecutorOrganisation organisation) {
        boolean isNew = organisation == null;
        EditorDialog dialog = new EditorDialog(isNew ? getTranslation("oks.adminui.executors.new")
                : getTranslation("oks.adminui.executors.edit", organisation.name()), "oks-executor-dialog");
        TextField name = new TextField(getTranslation("oks.adminui.executors.name"));
        name.setId("oks-executor-name");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(OksLimits.EXECUTOR_NAME);
        EmailField email = new EmailField(getTranslation("oks.adminui.executors.email"));
        email.setId("oks-executor-email");
        // the form promises notices only while they go out; otherwise it says they are off
        Notices state = notices.get();
        email.setHelperText(getTranslation(state.emailHelpKey()));
        email.getElement().setAttribute("data-notices", state.name());
        TextField phone = new TextField(getTranslation("oks.adminui.executors.phone"));
        phone.setId("oks-executor-phone");
        Checkbox active = new Checkbox(getTranslation("oks.adminui.common.active"), true);
        active.setId("oks-executor-active");
        Members members = new Members(isNew ? java.util.List.of() : organisation.members());
        UnorderedList memberList = new UnorderedList();
        memberList.setId("oks-executor-members");
        memberList.getElement().setAttribute("aria-label", getTranslation("oks.adminui.executors.members"));
        Paragraph noMembers = new Paragraph(getTranslation("oks.adminui.executors.noMembers"));
        noMembers.setId("oks-executor-no-members");
        Runnable[] render = new Runnable[1];
        render[0] = () -> {
            memberList.removeAll();
            for (String username : members.list()) {
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    members.remove(username);
                    render[0].run();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel(getTranslation("oks.adminui.executors.removeMember", username));
                remove.getElement().setAttribute("data-username", username);
                remove.addClassName("oks-member-remove");
                ListItem item = new ListItem(new Span(memberLabel(username)), remove);
                item.getElement().setAttribute("data-username", username);
                memberList.add(item);
            }
            noMembers.setVisible(members.list().isEmpty());
        };
        ComboBox<UserAccount> picker = new ComboBox<>(getTranslation("oks.adminui.executors.pickUser"));
        picker.setId("oks-executor-user");
        picker.setPlaceholder(getTranslation("oks.adminui.executors.pickUserHint"));
        picker.setItems(q -> accounts.list(q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> (int) accounts.count(q.getFilter().orElse("")));
        picker.setItemLabelGenerator(this::accountLabel);
        picker.setClearButtonVisible(true);
        // choosing a user (mouse or Enter in the list) adds them at once; the picker empties for the next
        picker.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            if (!members.add(e.getValue().username())) {
                dialog.showProblem(getTranslation("oks.adminui.executors.alreadyMember", e.getValue().username()));
            }
            picker.clear();
            render[0].run();
        });
        dialog.keepEnter(picker);
        if (!isNew) {
            name.setValue(organisation.name());
            email.setValue(CatalogSupport.nullToEmpty(organisation.email()));
            phone.setValue(CatalogSupport.nullToEmpty(organisation.phone()));
            active.setValue(organisation.active());
        }
        render[0].run();
        dialog.field(name, true).field(email, false).field(phone, false).field(active, true).field(picker, true)
                .field(noMembers, true).field(memberList, true);
        long id = isNew ? 0 : organisation.id();
        dialog.onSave(() -> {
            ExecutorOrganisation saved = catalog.saveExecutor(CatalogSupport.actor(currentUser),
                    new ExecutorOrganisation(id, name.getValue().strip(), CatalogSupport.blankToNull(email.getValue()),
                            CatalogSupport.blankToNull(phone.getValue()), active.getValue(), members.list(),
                            isNew ? 0 : organisation.version()));
            return getTranslation("oks.adminui.executors.saved", saved.name());
        }, this::refresh).onConflict(() -> catalog.executor(id).ifPresent(this::edit));
        dialog.open();
        name.focus();
    }

    private String memberLabel(String username) {
        Optional<UserAccount> account = accounts.find(username);
        return account.map(this::accountLabel)
                .orElse(getTranslation("oks.adminui.executors.unknownUser", username));
    }

    private String accountLabel(UserAccount a) {
        String name = a.displayName() == null || a.displayName().isBlank() ? a.username()
                : a.displayName() + " (" + a.username() + ")";
        return a.enabled() ? name : getTranslation("oks.adminui.executors.disabledUser", name);
    }
}
