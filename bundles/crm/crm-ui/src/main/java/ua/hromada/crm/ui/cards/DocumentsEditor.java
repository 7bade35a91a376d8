package ua.hromada.crm.ui.cards;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.RequiredDocument;

/**
 * A card's required documents as a grid edited in place: each row's name, what verification reads
 * in it, when it is required and whether the original is shown; rows added and removed.
 */
class DocumentsEditor extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /** One row as edited. */
    static final class Row {
        String name;
        DocumentKind kind;
        DocumentCondition condition;
        boolean original;

        Row(String name, DocumentKind kind, DocumentCondition condition, boolean original) {
            this.name = name;
            this.kind = kind;
            this.condition = condition;
            this.original = original;
        }
    }

    final Grid<Row> grid = new Grid<>();
    final Button add = new Button();
    final Span error = new Span();
    private final List<Row> rows = new ArrayList<>();
    private boolean readOnly;

    DocumentsEditor() {
        setPadding(false);
        grid.setId("card-documents");
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("crm.card.ui.doc.name")).setFlexGrow(3);
        grid.addComponentColumn(r -> choice(r, DocumentKind.values(), "kind", r.kind, v -> r.kind = v))
                .setHeader(getTranslation("crm.card.ui.doc.kind")).setFlexGrow(1);
        grid.addComponentColumn(r -> choice(r, DocumentCondition.values(), "condition", r.condition, v -> r.condition = v))
                .setHeader(getTranslation("crm.card.ui.doc.condition")).setFlexGrow(1);
        grid.addComponentColumn(r -> {
            Checkbox c = new Checkbox(getTranslation("crm.card.ui.doc.original"), r.original);
            c.setReadOnly(readOnly);
            c.addValueChangeListener(e -> r.original = e.getValue());
            return c;
        }).setHeader(getTranslation("crm.card.ui.doc.originalHeader")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(r);
                grid.setItems(rows);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("crm.card.ui.doc.remove"));
            remove.setVisible(!readOnly);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("crm.card.ui.doc.empty"));
        grid.setAllRowsVisible(true);
        add.setText(getTranslation("crm.card.ui.doc.add"));
        add.setId("card-document-add");
        add.setIcon(VaadinIcon.PLUS.create());
        add.addClickListener(e -> {
            rows.add(new Row("", DocumentKind.OTHER, DocumentCondition.ALWAYS, false));
            grid.setItems(rows);
        });
        error.setId("card-documents-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.getElement().setAttribute("role", "alert");
        add(grid, error, add);
    }

    private TextField nameCell(Row r) {
        TextField f = new TextField();
        f.setValue(r.name);
        f.setWidthFull();
        f.setMaxLength(500);
        f.setReadOnly(readOnly);
        f.setAriaLabel(getTranslation("crm.card.ui.doc.name"));
        f.addValueChangeListener(e -> r.name = e.getValue());
        return f;
    }

    private <E extends Enum<E>> ComboBox<E> choice(Row r, E[] values, String what, E value,
            java.util.function.Consumer<E> set) {
        ComboBox<E> box = new ComboBox<>();
        box.setItems(values);
        box.setItemLabelGenerator(v -> getTranslation("crm.card.ui.doc." + what + "." + v.name()));
        box.setValue(value);
        box.setReadOnly(readOnly);
        box.setWidthFull();
        box.setAriaLabel(getTranslation("crm.card.ui.doc." + what));
        box.addValueChangeListener(e -> set.accept(e.getValue()));
        return box;
    }

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        add.setVisible(!readOnly);
        grid.getDataProvider().refreshAll();
    }

    void setValue(List<RequiredDocument> documents) {
        rows.clear();
        documents.forEach(d -> rows.add(new Row(d.name(), d.kind(), d.condition(), d.original())));
        grid.setItems(rows);
        showError(null);
    }

    List<RequiredDocument> getValue() {
        return rows.stream().map(r -> new RequiredDocument(r.name, r.kind, r.condition, r.original)).toList();
    }

    void showError(String message) {
        error.setText(message == null ? "" : message);
        error.setVisible(message != null);
    }
}
