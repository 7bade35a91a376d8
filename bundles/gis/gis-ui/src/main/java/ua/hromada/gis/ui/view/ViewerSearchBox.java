package ua.hromada.gis.ui.view;

import java.util.List;
import java.util.function.BiConsumer;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalUser;

/**
 * The viewer's search box, on the employees' viewer and the public map alike: by attribute text or
 * by address text over the reader's registry layers (a null reader is the public); each hit is a
 * button that hands the object to {@code found} — the keyboard way to reach an object on the map.
 */
class ViewerSearchBox extends Div {
    private static final long serialVersionUID = 1L;

    private final transient GisFeatures features;
    private final transient PortalUser user;
    private final transient List<Layer> layers;
    private final transient BiConsumer<Layer, GisFeature> found;
    private final Div results = new Div();

    ViewerSearchBox(GisFeatures features, PortalUser user, List<Layer> layers, BiConsumer<Layer, GisFeature> found) {
        this.features = features;
        this.user = user;
        this.layers = List.copyOf(layers);
        this.found = found;
        TextField text = new TextField(getTranslation("gis.ui.viewer.search"));
        text.setId("gis-viewer-search");
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setClearButtonVisible(true);
        text.setWidthFull();
        RadioButtonGroup<Boolean> mode = new RadioButtonGroup<>();
        mode.setId("gis-viewer-search-mode");
        mode.setItems(false, true);
        mode.setItemLabelGenerator(byAddress -> getTranslation(byAddress ? "gis.ui.viewer.byAddress" : "gis.ui.viewer.byAttributes"));
        mode.setValue(false);
        mode.setAriaLabel(getTranslation("gis.ui.viewer.searchMode"));
        Button go = new Button(getTranslation("gis.ui.viewer.find"), e -> search(text.getValue(), mode.getValue()));
        go.setId("gis-viewer-find");
        text.addKeyPressListener(Key.ENTER, e -> search(text.getValue(), mode.getValue()));
        results.setId("gis-viewer-results");
        results.getElement().setAttribute("aria-live", "polite");
        Div box = new Div(text, mode, go);
        box.addClassName("gis-viewer-search");
        add(box, results);
    }

    private void search(String text, Boolean byAddress) {
        results.removeAll();
        if (text == null || text.isBlank()) {
            return;
        }
        List<ViewerSearch.Hit> hits = ViewerSearch.search(features, user, layers, text, Boolean.TRUE.equals(byAddress));
        if (hits.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("gis.ui.viewer.notFound", text.strip()));
            none.setId("gis-viewer-not-found");
            results.add(none);
            return;
        }
        for (ViewerSearch.Hit hit : hits) {
            Button b = new Button(getTranslation("gis.ui.viewer.hit", ViewerSources.title(hit.layer(), hit.feature()),
                    hit.layer().title()), e -> found.accept(hit.layer(), hit.feature()));
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.addClassName("gis-viewer-hit");
            b.getElement().setAttribute("data-feature", Long.toString(hit.feature().id()));
            results.add(new Div(b));
        }
    }
}
