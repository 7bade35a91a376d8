package ua.hromada.gis.ui.view;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;

/**
 * Identify: the object the reader clicked or found — its layer, name and every attribute of the
 * schema with the schema's label — with a button that opens its form (to edit when the reader may
 * edit the layer, to read otherwise).
 */
class IdentifyPanel extends Div {
    private static final long serialVersionUID = 1L;

    IdentifyPanel() {
        setId("gis-viewer-identify");
        addClassName("gis-viewer-identify");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-label", getTranslation("gis.ui.viewer.identify"));
        setVisible(false);
    }

    /** Shows the object; {@code open} opens its form (null: no form, as on the public map). */
    void show(Layer layer, GisFeature feature, boolean editable, Runnable open, Runnable close) {
        removeAll();
        Button closeButton = GisUi.iconButton(this, VaadinIcon.CLOSE, "gis.ui.viewer.identifyClose", close);
        closeButton.setId("gis-viewer-identify-close");
        H3 title = new H3(ViewerSources.title(layer, feature));
        title.setId("gis-viewer-identify-title");
        Div head = new Div(title, closeButton);
        head.getStyle().set("display", "flex").set("justify-content", "space-between").set("align-items", "center");
        Paragraph from = new Paragraph(getTranslation("gis.ui.viewer.identifyLayer", layer.title(), feature.id()));
        from.addClassName("gis-viewer-note");
        DescriptionList values = new DescriptionList();
        values.setId("gis-viewer-identify-values");
        for (AttributeDefinition a : layer.attributes()) {
            Object value = feature.attributes().get(a.name());
            DescriptionList.Term term = new DescriptionList.Term(a.label());
            DescriptionList.Description description = new DescriptionList.Description(
                    new Text(value == null ? "—" : AttributeValues.display(value)));
            description.getElement().setAttribute("data-attribute", a.name());
            values.add(term, description);
        }
        add(head, from, values);
        if (open != null) {
            Button openButton = new Button(getTranslation(editable ? "gis.ui.viewer.edit" : "gis.ui.viewer.open"),
                    (editable ? VaadinIcon.EDIT : VaadinIcon.EYE).create(), e -> open.run());
            openButton.setId("gis-viewer-identify-open");
            openButton.addThemeVariants(editable ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            add(openButton);
        }
        getElement().setAttribute("data-feature", Long.toString(feature.id()));
        setVisible(true);
    }

    /** More buttons under the shown object (e.g. change its shape, delete it). */
    void addActions(List<? extends Component> actions) {
        Div row = new Div();
        row.addClassName("gis-viewer-identify-actions");
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap")
                .set("margin-top", "var(--lumo-space-s)");
        actions.forEach(row::add);
        add(row);
    }

    void showMessage(String text) {
        removeAll();
        Paragraph p = new Paragraph(text);
        p.setId("gis-viewer-identify-message");
        add(p);
        getElement().removeAttribute("data-feature");
        setVisible(true);
    }

    void hide() {
        removeAll();
        getElement().removeAttribute("data-feature");
        setVisible(false);
    }
}
