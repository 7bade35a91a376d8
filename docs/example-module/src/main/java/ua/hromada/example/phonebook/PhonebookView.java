package ua.hromada.example.phonebook;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;

/**
 * The directory page: the list of numbers and, for those who may edit, a form above it that adds
 * a number or changes the one chosen with "Змінити". Refusals of the rules stand at their fields;
 * a save over someone else's newer change opens the portal's edit-conflict dialog.
 */
public class PhonebookView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Phonebook phonebook;
    private final transient CurrentUser currentUser;
    private final boolean mayEdit;

    private final TextField unit = field("unit", "phonebook.field.unit");
    private final TextField person = field("person", "phonebook.field.person");
    private final TextField phone = field("phone", "phonebook.field.phone");
    private final Button save = new Button();
    private final Button cancel = new Button(getTranslation("phonebook.cancel"));
    private final Grid<PhoneEntry> grid = new Grid<>();
    /** The entry being changed, as loaded (its version goes back with the save); null: a new one. */
    private PhoneEntry editing;

    public PhonebookView(Phonebook phonebook, CurrentUser currentUser) {
        this.phonebook = phonebook;
        this.currentUser = currentUser;
        this.mayEdit = currentUser.hasPermission(PhonebookPermissions.EDIT);
        setId("phonebook-view");
        setSizeFull();

        if (mayEdit) {
            save.setId("phonebook-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            cancel.setId("phonebook-cancel");
            cancel.addClickListener(e -> startNew());
            HorizontalLayout form = new HorizontalLayout(unit, person, phone, save, cancel);
            form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            form.setWrap(true);
            add(form);
            startNew();
        }

        grid.setId("phonebook-grid");
        grid.addColumn(PhoneEntry::unit).setHeader(getTranslation("phonebook.field.unit")).setFlexGrow(2);
        grid.addColumn(e -> e.person() == null ? "" : e.person()).setHeader(getTranslation("phonebook.field.person"))
                .setFlexGrow(2);
        grid.addColumn(PhoneEntry::phone).setHeader(getTranslation("phonebook.field.phone")).setFlexGrow(1);
        if (mayEdit) {
            grid.addComponentColumn(this::actions).setFlexGrow(1);
        }
        grid.setEmptyStateText(getTranslation(mayEdit ? "phonebook.empty.editor" : "phonebook.empty"));
        add(grid);
        refresh();
    }

    private TextField field(String name, String labelKey) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setId("phonebook-" + name);
        f.setMaxLength(EntryRules.MAX_TEXT);
        f.setClearButtonVisible(true);
        return f;
    }

    private HorizontalLayout actions(PhoneEntry entry) {
        Button edit = new Button(getTranslation("phonebook.edit"), e -> startEdit(entry));
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        edit.getElement().setAttribute("data-action", "edit");
        Button delete = new Button(getTranslation("phonebook.delete"), e -> confirmDelete(entry));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        delete.getElement().setAttribute("data-action", "delete");
        return new HorizontalLayout(edit, delete);
    }

    private void startNew() {
        editing = null;
        fill("", "", "");
        save.setText(getTranslation("phonebook.add"));
        cancel.setVisible(false);
    }

    private void startEdit(PhoneEntry entry) {
        editing = entry;
        fill(entry.unit(), entry.person() == null ? "" : entry.person(), entry.phone());
        save.setText(getTranslation("phonebook.save"));
        cancel.setVisible(true);
        unit.focus();
    }

    private void fill(String u, String p, String ph) {
        unit.setValue(u);
        person.setValue(p);
        phone.setValue(ph);
        showErrors(Map.of());
    }

    private void save() {
        EntryForm form = new EntryForm(unit.getValue(), person.getValue(), phone.getValue());
        try {
            if (editing == null) {
                phonebook.add(form, actor());
                Notification.show(getTranslation("phonebook.added"));
            } else {
                phonebook.update(editing, form, actor());
                Notification.show(getTranslation("phonebook.saved"));
            }
            startNew();
            refresh();
        } catch (InvalidEntryException e) {
            showErrors(e.errors());
        } catch (EditConflictException e) {
            // nothing was saved; the person's typing stays until they choose to reload
            EditConflicts.show(this, () -> {
                startNew();
                refresh();
            });
        }
    }

    private void confirmDelete(PhoneEntry entry) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("phonebook-delete-dialog");
        dialog.setHeader(getTranslation("phonebook.delete.title"));
        dialog.setText(getTranslation("phonebook.delete.text", entry.unit(), entry.phone()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("phonebook.cancel"));
        dialog.setConfirmText(getTranslation("phonebook.delete"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                phonebook.delete(entry, actor());
                Notification.show(getTranslation("phonebook.deleted"));
            } catch (EditConflictException ex) {
                EditConflicts.show(this, this::refresh);
            }
            if (editing != null && editing.id() == entry.id()) {
                startNew();
            }
            refresh();
        });
        dialog.open();
    }

    private void showErrors(Map<String, String> errors) {
        for (Map.Entry<String, TextField> f : Map.of("unit", unit, "person", person, "phone", phone).entrySet()) {
            String key = errors.get(f.getKey());
            f.getValue().setInvalid(key != null);
            f.getValue().setErrorMessage(key == null ? null : getTranslation(key));
        }
    }

    private void refresh() {
        grid.setItems(phonebook.list());
    }

    private String actor() {
        return currentUser.get().map(PortalUser::username).orElse("system");
    }
}
