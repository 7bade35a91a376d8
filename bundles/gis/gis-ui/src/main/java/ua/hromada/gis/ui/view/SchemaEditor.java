package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;

/**
 * The attribute schema of a layer as rows: name, label, type, required, unique, longest text and
 * the choices (separated by «;»). Rows can be added, moved and removed; the service checks them.
 */
class SchemaEditor extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final List<RowFields> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();
    private final Paragraph empty = new Paragraph();

    SchemaEditor(List<AttributeDefinition> attributes) {
        setId("gis-schema");
        setPadding(false);
        list.setPadding(false);
        list.setSpacing(false);
        empty.setText(getTranslation("gis.ui.schema.empty"));
        empty.setId("gis-schema-empty");
        Button add = new Button(getTranslation("gis.ui.schema.add"), VaadinIcon.PLUS.create(),
                e -> addRow(new AttributeDefinition(null, null, AttributeType.TEXT, false, false, null, List.of())));
        add.setId("gis-schema-add");
        add(list, empty, add);
        attributes.forEach(this::addRow);
        layoutRows();
    }

    List<AttributeDefinition> value() {
        return rows.stream().map(RowFields::value).toList();
    }

    /** The names of the CHOICE attributes as they stand now (for the per-value style). */
    List<String> choiceNames() {
        return rows.stream().filter(r -> r.type.getValue() == AttributeType.CHOICE)
                .map(r -> r.name.getValue().strip()).filter(n -> !n.isEmpty()).toList();
    }

    /** Shows an error at row {@code index}. */
    void error(int index, String message) {
        if (index >= 0 && index < rows.size()) {
            rows.get(index).name.setInvalid(true);
            rows.get(index).name.setErrorMessage(message);
        }
    }

    void clearErrors() {
        rows.forEach(r -> r.name.setInvalid(false));
    }

    private void addRow(AttributeDefinition a) {
        rows.add(new RowFields(a));
        layoutRows();
    }

    private void move(RowFields r, int by) {
        int i = rows.indexOf(r);
        int j = i + by;
        if (j >= 0 && j < rows.size()) {
            rows.remove(i);
            rows.add(j, r);
            layoutRows();
        }
    }

    private void layoutRows() {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            list.add(rows.get(i).layout(i));
        }
        empty.setVisible(rows.isEmpty());
    }

    private final class RowFields {
        final TextField name = new TextField();
        final TextField label = new TextField();
        final Select<AttributeType> type = new Select<>();
        final Checkbox required = new Checkbox();
        final Checkbox unique = new Checkbox();
        final IntegerField maxLength = new IntegerField();
        final TextField choices = new TextField();

        RowFields(AttributeDefinition a) {
            name.setLabel(getTranslation("gis.ui.schema.name"));
            name.setValue(a.name() == null ? "" : a.name());
            name.setWidth("9rem");
            label.setLabel(getTranslation("gis.ui.schema.label"));
            label.setValue(a.label() == null ? "" : a.label());
            type.setLabel(getTranslation("gis.ui.schema.type"));
            type.setItems(AttributeType.values());
            type.setItemLabelGenerator(t -> getTranslation("gis.ui.type." + t.name()));
            type.setValue(a.type() == null ? AttributeType.TEXT : a.type());
            type.setWidth("8rem");
            required.setLabel(getTranslation("gis.ui.schema.required"));
            required.setValue(a.required());
            unique.setLabel(getTranslation("gis.ui.schema.unique"));
            unique.setValue(a.unique());
            maxLength.setLabel(getTranslation("gis.ui.schema.maxLength"));
            maxLength.setValue(a.maxLength());
            maxLength.setWidth("7rem");
            choices.setLabel(getTranslation("gis.ui.schema.choices"));
            choices.setHelperText(getTranslation("gis.ui.schema.choicesHelp"));
            choices.setValue(String.join("; ", a.choices()));
            type.addValueChangeListener(e -> typeChanged());
            typeChanged();
        }

        private void typeChanged() {
            choices.setVisible(type.getValue() == AttributeType.CHOICE);
            maxLength.setVisible(type.getValue() == AttributeType.TEXT);
        }

        AttributeDefinition value() {
            AttributeType t = type.getValue();
            List<String> values = t != AttributeType.CHOICE ? List.of()
                    : Arrays.stream(choices.getValue().split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            return new AttributeDefinition(name.getValue().strip(), label.getValue().strip(), t, required.getValue(),
                    unique.getValue(), t == AttributeType.TEXT ? maxLength.getValue() : null, values);
        }

        HorizontalLayout layout(int index) {
            name.setId("gis-schema-name-" + index);
            label.setId("gis-schema-label-" + index);
            type.setId("gis-schema-type-" + index);
            required.setId("gis-schema-required-" + index);
            unique.setId("gis-schema-unique-" + index);
            maxLength.setId("gis-schema-max-" + index);
            choices.setId("gis-schema-choices-" + index);
            Button up = GisUi.iconButton(SchemaEditor.this, VaadinIcon.ARROW_UP, "gis.ui.up", () -> move(this, -1));
            Button down = GisUi.iconButton(SchemaEditor.this, VaadinIcon.ARROW_DOWN, "gis.ui.down", () -> move(this, 1));
            Button remove = GisUi.iconButton(SchemaEditor.this, VaadinIcon.TRASH, "gis.ui.schema.remove", () -> {
                rows.remove(this);
                layoutRows();
            });
            remove.setId("gis-schema-remove-" + index);
            HorizontalLayout row = new HorizontalLayout(name, label, type, required, unique, maxLength, choices, up, down,
                    remove);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.setWrap(true);
            row.addClassName("gis-schema-row");
            return row;
        }
    }
}
