package ua.hromada.eservices.ui.catalogue;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.eservices.api.EservicesException;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.Confirmation;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * One editable list of the catalogue (categories or life situations): the list by position, a
 * form above it for a new or the chosen entry, delete after a question.
 */
class TermsPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /** A category or life situation as this panel edits it. */
    record Term(long id, String code, String name, int position, long version) {
    }

    private final transient Supplier<List<Term>> list;
    private final transient UnaryOperator<Term> save;
    private final transient Consumer<Term> delete;
    private final String kind;
    final Grid<Term> grid = new Grid<>();
    final TextField code = new TextField();
    final TextField name = new TextField();
    final IntegerField position = new IntegerField();
    private transient Term editing;

    /** {@code kind}: "category" or "situation", the ids' and texts' infix. */
    TermsPanel(String kind, Supplier<List<Term>> list, UnaryOperator<Term> save, Consumer<Term> delete) {
        this.kind = kind;
        this.list = list;
        this.save = save;
        this.delete = delete;
        setId("eservices-catalogue-" + kind + "-panel");
        setPadding(false);
        code.setId("eservices-catalogue-" + kind + "-code");
        code.setLabel(getTranslation("eservices.ui.catalogue.field.code"));
        code.setMaxLength(40);
        name.setId("eservices-catalogue-" + kind + "-name");
        name.setLabel(getTranslation("eservices.ui.catalogue.field.name"));
        name.setMaxLength(200);
        name.setWidth("24em");
        position.setId("eservices-catalogue-" + kind + "-position");
        position.setLabel(getTranslation("eservices.ui.catalogue.field.position"));
        position.setStepButtonsVisible(true);
        Button saveButton = new Button(getTranslation("eservices.ui.catalogue.save"), e -> save());
        saveButton.setId("eservices-catalogue-" + kind + "-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button(getTranslation("eservices.ui.catalogue." + kind + ".new"), e -> edit(null));
        fresh.setId("eservices-catalogue-" + kind + "-new");
        HorizontalLayout form = new HorizontalLayout(code, name, position, saveButton, fresh);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("eservices-catalogue-" + kind + "-grid");
        grid.addColumn(Term::position).setHeader(getTranslation("eservices.ui.catalogue.field.position"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Term::code).setHeader(getTranslation("eservices.ui.catalogue.field.code")).setAutoWidth(true);
        grid.addColumn(Term::name).setHeader(getTranslation("eservices.ui.catalogue.field.name")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("eservices.ui.catalogue.actions"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("eservices.ui.catalogue." + kind + ".empty"));
        grid.setAllRowsVisible(true);
        add(form, grid);
        edit(null);
        refresh();
    }

    private HorizontalLayout actions(Term t) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(t));
        edit.setId("eservices-catalogue-" + kind + "-edit-" + t.id());
        edit.setAriaLabel(getTranslation("eservices.ui.catalogue.action.edit", t.name()));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> Confirmation.ask(
                "eservices-catalogue-" + kind + "-confirm", getTranslation("eservices.ui.catalogue.delete.header"),
                getTranslation("eservices.ui.catalogue." + kind + ".deleteText", t.name()),
                getTranslation("eservices.ui.catalogue.cancel"), getTranslation("eservices.ui.catalogue.delete"),
                () -> remove(t)));
        remove.setId("eservices-catalogue-" + kind + "-delete-" + t.id());
        remove.setAriaLabel(getTranslation("eservices.ui.catalogue.action.delete", t.name()));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        return new HorizontalLayout(edit, remove);
    }

    void edit(Term t) {
        editing = t;
        code.setInvalid(false);
        name.setInvalid(false);
        code.setValue(t == null ? "" : t.code());
        name.setValue(t == null ? "" : t.name());
        position.setValue(t == null ? list.get().size() * 10 + 10 : t.position());
    }

    void save() {
        code.setInvalid(false);
        name.setInvalid(false);
        Term t = new Term(editing == null ? 0 : editing.id(), code.getValue(), name.getValue(),
                position.getValue() == null ? 0 : position.getValue(), editing == null ? 0 : editing.version());
        try {
            Term saved = save.apply(t);
            UiSupport.success(getTranslation("eservices.ui.catalogue.saved", saved.name()));
            edit(null);
            refresh();
        } catch (EservicesException e) {
            String codeError = e.fieldErrors().get("code");
            String nameError = e.fieldErrors().get("name");
            if (codeError != null) {
                code.setErrorMessage(getTranslation(codeError));
                code.setInvalid(true);
            }
            if (nameError != null) {
                name.setErrorMessage(getTranslation(nameError));
                name.setInvalid(true);
            }
            if (e.fieldErrors().isEmpty()) {
                UiSupport.error(CatalogueLabels.refusal(this, e));
            }
        } catch (EditConflictException e) {
            EditConflicts.show(this, () -> {
                edit(null);
                refresh();
            });
        }
    }

    void remove(Term t) {
        try {
            delete.accept(t);
            UiSupport.success(getTranslation("eservices.ui.catalogue.deleted", t.name()));
        } catch (EservicesException e) {
            UiSupport.error(CatalogueLabels.refusal(this, e));
        } catch (EditConflictException e) {
            EditConflicts.show(this, this::refresh);
        }
        refresh();
    }

    void refresh() {
        grid.setItems(list.get());
    }
}
