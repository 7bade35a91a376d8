package ua.hromada.eservices.ui.appeals;

import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * The appeal's optional place: a click on the map sets the point, a button clears it. The chosen
 * point is said in words (read out as it changes), and the hint says the place may as well be
 * written in the text: the map is not the only way to say where.
 */
final class PlacePicker extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final PortalMap map;
    private final Paragraph chosen = new Paragraph();
    private final Button clear = new Button();
    private GeoPoint point;

    PlacePicker(MapSettings settings) {
        setPadding(false);
        setId("eservices-appeal-place-box");
        H2 title = new H2(getTranslation("eservices.ui.appeal.form.place"));
        title.setId("eservices-appeal-place-title");
        Paragraph hint = new Paragraph(getTranslation("eservices.ui.appeal.form.placeHint"));
        hint.setId("eservices-appeal-place-hint");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        map = new PortalMap(settings);
        map.setId("eservices-appeal-map");
        map.setWidthFull();
        map.setHeight("340px");
        map.addMapClickListener(e -> choose(e.point()));
        Div mapBox = new Div(map);
        // Leaflet's z-indexes stay inside the box, under the page's overlays (select lists, dialogs)
        mapBox.setWidthFull();
        mapBox.getStyle().set("isolation", "isolate");
        chosen.setId("eservices-appeal-place");
        chosen.getElement().setAttribute("aria-live", "polite");
        chosen.getStyle().set("margin", "0");
        clear.setText(getTranslation("eservices.ui.appeal.form.placeClear"));
        clear.setIcon(VaadinIcon.CLOSE_SMALL.create());
        clear.setId("eservices-appeal-place-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.addClickListener(e -> choose(null));
        HorizontalLayout line = new HorizontalLayout(chosen, clear);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        add(title, hint, mapBox, line);
        choose(null);
    }

    /** A point on the map (null clears it). */
    void choose(GeoPoint p) {
        point = p == null ? null : new GeoPoint(round(p.lat()), round(p.lon()));
        map.setSelectedPoint(point);
        chosen.setText(point == null ? getTranslation("eservices.ui.appeal.form.placeNone")
                : getTranslation("eservices.ui.appeal.form.placeChosen", coordinate(point.lat()), coordinate(point.lon())));
        clear.setEnabled(point != null);
        chosen.getStyle().remove("color");
    }

    /** The service's refusal of the place, where the place is said. */
    void showError(String message) {
        chosen.setText(message);
        chosen.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    Optional<GeoPoint> point() {
        return Optional.ofNullable(point);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1_000_000d) / 1_000_000d;
    }

    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }
}
