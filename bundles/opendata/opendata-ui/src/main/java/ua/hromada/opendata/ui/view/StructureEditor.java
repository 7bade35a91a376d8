package ua.hromada.opendata.ui.view;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.opendata.api.DatasetRegistry.PassportLimits;
import ua.hromada.opendata.api.StructureField;

/**
 * The structure of a dataset's table: one row per field (name, title, type, required), added and
 * removed in place. The service checks the names; this only collects what was typed.
 */
public class StructureEditor extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** Types offered; any other may be typed (the passport does not fix a list). */
    static final List<String> TYPES = List.of("string", "integer", "number", "boolean", "date", "datetime", "url",
            "email", "geopoint");

    private final transient PassportLimits limits;
    private final List<Row> rows = new ArrayList<>();
    private final Grid<Row> grid = new Grid<>();
    private final Button add = new Button();
    private boolean editable = true;

    /** One editable field; its inputs are the cells of its grid row. */
    private final class Row {
        final TextField name = new TextField();
        final TextField title = new TextField();
        final ComboBox<String> type = new ComboBox<>();
        final Checkbox required = new Checkbox();

        Row(StructureField f) {
            name.setWidthFull();
            name.setMaxLength(limits.fieldName());
            name.addClassName("opendata-structure-name");
            title.setWidthFull();
            title.setMaxLength(limits.fieldTitle());
            title.addClassName("opendata-structure-title");
            type.setItems(TYPES);
            type.setAllowCustomValue(true);
            type.addCustomValueSetListener(e -> type.setValue(e.getDetail()));
            type.setWidthFull();
            type.addClassName("opendata-structure-type");
            required.addClassName("opendata-structure-required");
            if (f != null) {
                name.setValue(f.name() == null ? "" : f.name());
                title.setValue(f.title() == null ? "" : f.title());
                if (f.type() != null && !TYPES.contains(f.type())) {
                    type.setItems(withType(f.type()));
                }
                type.setValue(f.type());
                required.setValue(f.required());
            }
            name.setReadOnly(!editable);
            title.setReadOnly(!editable);
            type.setReadOnly(!editable);
            required.setReadOnly(!editable);
        }

        StructureField value() {
            return new StructureField(name.getValue(), title.getValue(), type.getValue(), required.getValue());
        }
    }

    private static List<String> withType(String extra) {
        List<String> t = new ArrayList<>(TYPES);
        t.add(extra);
        return t;
    }

    /** @param limits the registry's lengths of a field's name and title */
    public StructureEditor(PassportLimits limits) {
        this.limits = limits;
        setPadding(false);
        setId("opendata-structure");
        grid.setId("opendata-structure-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addComponentColumn(r -> r.name).setHeader(getTranslation("opendata.ui.structure.name")).setFlexGrow(2);
        grid.addComponentColumn(r -> r.title).setHeader(getTranslation("opendata.ui.structure.title")).setFlexGrow(3);
        grid.addComponentColumn(r -> r.type).setHeader(getTranslation("opendata.ui.structure.type")).setFlexGrow(2);
        grid.addComponentColumn(r -> r.required).setHeader(getTranslation("opendata.ui.structure.required"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                rows.remove(r);
                grid.setItems(rows);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.getElement().setAttribute("aria-label", getTranslation("opendata.ui.structure.remove"));
            remove.addClassName("opendata-structure-remove");
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("opendata.ui.structure.empty"));
        add.setText(getTranslation("opendata.ui.structure.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.setId("opendata-structure-add");
        add.addClickListener(e -> {
            rows.add(new Row(null));
            grid.setItems(rows);
            rows.get(rows.size() - 1).name.focus();
        });
        add(new H3(getTranslation("opendata.ui.structure.heading")), grid, add);
    }

    public void setFields(List<StructureField> fields) {
        rows.clear();
        fields.forEach(f -> rows.add(new Row(f)));
        grid.setItems(rows);
    }

    /** What was typed, blank rows included (the service drops rows with neither name nor title). */
    public List<StructureField> fields() {
        return rows.stream().map(Row::value).toList();
    }

    public void setEditable(boolean editable) {
        this.editable = editable;
        add.setVisible(editable);
        rows.forEach(r -> {
            r.name.setReadOnly(!editable);
            r.title.setReadOnly(!editable);
            r.type.setReadOnly(!editable);
            r.required.setReadOnly(!editable);
        });
        grid.getColumns().get(grid.getColumns().size() - 1).setVisible(editable);
    }
}
