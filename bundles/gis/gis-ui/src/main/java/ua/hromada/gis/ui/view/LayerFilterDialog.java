package ua.hromada.gis.ui.view;

import java.util.function.Consumer;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.AttributeType;
import ua.hromada.gis.api.Layer;

/**
 * The attribute filter of one layer: an attribute of its schema and the value its objects must
 * have (a list of the choices for a CHOICE attribute). Applying without both clears the filter.
 */
class LayerFilterDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient Layer layer;
    private final ComboBox<AttributeDefinition> attribute = new ComboBox<>();
    private final Div valueBox = new Div();
    private HasValue<?, String> value;

    /** {@code apply}: the filter chosen, null for none. */
    LayerFilterDialog(Layer layer, LayerFilter current, Consumer<LayerFilter> apply) {
        this.layer = layer;
        setId("gis-viewer-filter-dialog");
        setHeaderTitle(getTranslation("gis.ui.viewer.filterTitle", layer.title()));
        attribute.setId("gis-viewer-filter-attribute");
        attribute.setLabel(getTranslation("gis.ui.objects.filterAttribute"));
        attribute.setItems(layer.attributes());
        attribute.setItemLabelGenerator(AttributeDefinition::label);
        attribute.addValueChangeListener(e -> valueField(e.getValue(), null));
        attribute.setWidthFull();
        AttributeDefinition chosen = current == null ? null : layer.attribute(current.attribute()).orElse(null);
        attribute.setValue(chosen);
        valueField(chosen, current == null ? null : current.value());

        Button ok = new Button(getTranslation("gis.ui.viewer.filterApply"), e -> {
            apply.accept(LayerFilter.of(layer, attribute.getValue(), value == null ? null : value.getValue()).orElse(null));
            close();
        });
        ok.setId("gis-viewer-filter-apply");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("gis.ui.viewer.filterClear"), e -> {
            apply.accept(null);
            close();
        });
        clear.setId("gis-viewer-filter-none");
        Button cancel = new Button(getTranslation("gis.ui.cancel"), e -> close());
        add(attribute, valueBox);
        getFooter().add(cancel, clear, ok);
        setWidth("min(28rem, 95vw)");
    }

    private void valueField(AttributeDefinition a, String initial) {
        valueBox.removeAll();
        if (a != null && a.type() == AttributeType.CHOICE) {
            ComboBox<String> choices = new ComboBox<>(getTranslation("gis.ui.objects.filterValue"), a.choices());
            choices.setValue(initial != null && a.choices().contains(initial) ? initial : null);
            value = choices;
            choices.setId("gis-viewer-filter-value");
            choices.setWidthFull();
            valueBox.add(choices);
            return;
        }
        TextField text = new TextField(getTranslation("gis.ui.objects.filterValue"));
        text.setId("gis-viewer-filter-value");
        text.setWidthFull();
        text.setEnabled(a != null);
        if (a != null && a.type() == AttributeType.DATE) {
            text.setHelperText(getTranslation("gis.ui.viewer.filterDateHelp"));
        }
        if (initial != null) {
            text.setValue(initial);
        }
        value = text;
        valueBox.add(text);
    }

    Layer layer() {
        return layer;
    }
}
