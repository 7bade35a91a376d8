package ua.hromada.gis.ui.view;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.LayerLegend;
import ua.hromada.portal.ui.map.MapViewState;
import ua.hromada.portal.ui.map.OverlayLayer;
import ua.hromada.portal.ui.map.PortalMap;
import ua.hromada.portal.ui.map.VectorLayer;

/**
 * {@code gis/map/print}: one sheet (A4 or A3, landscape or portrait) of a viewer permalink — title,
 * the map in millimetres, scale bar with the scale, the legend of the shown layers, the date and the
 * data's attributions — printed (or saved as PDF) by the browser. The browser prints it because only
 * the browser has the map as drawn (tiles, WMS images, vectors): CSS {@code @page} sets the sheet
 * and hides the portal's menu, so headless Chromium's PDF and a person's «Друк» give the same page.
 */
public class MapPrintView extends Div implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    /** The widest the scale bar is drawn, CSS pixels. */
    static final int SCALE_BAR_PIXELS = 150;

    private final transient ViewerCatalog.Services services;
    private final transient MapSettings settings;
    private final transient PortalUser user;
    private final ZoneId zone;

    public MapPrintView(ViewerCatalog.Services services, MapSettings settings, PortalUser user, ZoneId zone) {
        this.services = services;
        this.settings = settings;
        this.user = user;
        this.zone = zone;
        setId("gis-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        if (!GisUi.reads(user)) {
            add(GisUi.noAccess(this));
            return;
        }
        PrintOptions options = PrintOptions.from(event.getLocation().getQueryParameters());
        ViewerCatalog catalog = new ViewerCatalog(services, user, getLocale(), this::getTranslation);
        PortalMap map = new PortalMap(settings);
        map.setId("gis-print-map");
        map.setWidth(options.mapWidthMm() + "mm");
        map.setHeight(options.mapHeightMm() + "mm");
        catalog.addTo(map, key -> null);
        ViewerPermalink.parse(event.getLocation().getQueryParameters(),
                new HashSet<>(map.getLayers().stream().map(OverlayLayer::id).toList())).ifPresent(map::setViewState);
        MapViewState view = map.getViewState();

        String titleText = options.title().isEmpty() ? getTranslation("gis.ui.viewer.title") : options.title();
        H1 title = new H1(titleText);
        title.setId("gis-print-title");
        title.getStyle().set("font-size", "18pt").set("margin", "0 0 3mm 0");

        Div scale = new Div();
        scale.setId("gis-print-scale");
        showScale(scale, view);
        map.addViewChangeListener(e -> showScale(scale, e.state()));

        Div legend = new Div();
        legend.setId("gis-print-legend");
        legend.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "2mm 8mm").set("flex", "1");
        for (OverlayLayer layer : map.getLayers()) {
            if (!layer.visible()) {
                continue;
            }
            Div entry = new Div(new Span(layer.title()));
            entry.addClassName("gis-print-legend-layer");
            entry.getElement().setAttribute("data-layer", layer.id());
            entry.getStyle().set("font-size", "9pt");
            if (layer instanceof VectorLayer v) {
                entry.add(catalog.module(v.id()).map(m -> new LayerLegend(ViewerLayers.moduleLegend(m.title(), m.layer().legend())))
                        .orElseGet(() -> new LayerLegend(v)));
            }
            legend.add(entry);
        }
        Paragraph footnote = new Paragraph(getTranslation("gis.ui.print.footnote",
                DisplayFormats.dateTime(java.time.Instant.now(), zone).substring(0, 10), settings.attribution()));
        footnote.setId("gis-print-footnote");
        footnote.getStyle().set("font-size", "8pt").set("margin", "2mm 0 0 0");
        Div below = new Div(scale, legend);
        below.getStyle().set("display", "flex").set("gap", "8mm").set("margin-top", "3mm").set("align-items", "flex-start");

        Div sheet = new Div(title, map, below, footnote);
        sheet.setId("gis-print-sheet");
        sheet.getElement().setAttribute("data-paper", options.paper().name());
        sheet.getElement().setAttribute("data-orientation", options.landscape() ? "landscape" : "portrait");
        sheet.getStyle().set("width", options.mapWidthMm() + "mm").set("background", "#fff").set("color", "#000");

        Button print = new Button(getTranslation("gis.ui.print.print"), VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.setId("gis-print-print");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor back = new Anchor(ViewerPermalink.location(view), getTranslation("gis.ui.print.back"));
        back.setId("gis-print-back");
        Paragraph hint = new Paragraph(getTranslation("gis.ui.print.hint", options.paper().name(),
                getTranslation(options.landscape() ? "gis.ui.viewer.landscape" : "gis.ui.viewer.portrait").toLowerCase(Locale.ROOT)));
        Div tools = new Div(print, back, hint);
        tools.addClassName("gis-print-noprint");
        tools.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "center")
                .set("flex-wrap", "wrap").set("margin-bottom", "var(--lumo-space-m)");

        Element style = new Element("style");
        style.setText(css(options));
        getElement().appendChild(style);
        getStyle().set("padding", "var(--lumo-space-m)");
        add(tools, sheet);
    }

    private void showScale(Div scale, MapViewState view) {
        ScaleBar bar = ScaleBar.of(view.center().lat(), view.zoom(), SCALE_BAR_PIXELS);
        scale.removeAll();
        Div line = new Div();
        line.addClassName("gis-print-scale-bar");
        line.getStyle().set("width", String.format(Locale.ROOT, "%.1fpx", bar.pixels())).set("height", "6px")
                .set("border", "2px solid #000").set("border-top", "none");
        Span label = new Span(bar.label(getTranslation("gis.ui.print.metres"), getTranslation("gis.ui.print.kilometres")));
        label.setId("gis-print-scale-label");
        Span ratio = new Span(getTranslation("gis.ui.print.scale", ScaleBar.ratio(view.center().lat(), view.zoom())));
        ratio.setId("gis-print-scale-ratio");
        scale.add(line, new Div(label), new Div(ratio));
        scale.getStyle().set("font-size", "9pt").set("flex", "0 0 auto");
        scale.getElement().setAttribute("data-metres", Long.toString(bar.metres()));
    }

    /** The sheet for the browser's print: its size and margins, the portal's menu and these tools hidden. */
    static String css(PrintOptions options) {
        return "@page { size: " + options.cssPageSize() + "; margin: " + PrintOptions.MARGIN_MM + "mm; }\n"
                + "@media print {\n"
                + "  vaadin-app-layout::part(navbar), vaadin-app-layout::part(drawer), .gis-print-noprint { display: none !important; }\n"
                + "  vaadin-app-layout { --_vaadin-app-layout-drawer-offset-size: 0px !important;"
                + " --_vaadin-app-layout-navbar-offset-size: 0px !important; }\n"
                + "  vaadin-app-layout::part(content) { padding: 0 !important; }\n"
                + "  #gis-print { padding: 0 !important; }\n"
                + "  html, body { background: #fff !important; }\n"
                + "  .leaflet-control-container .leaflet-control-zoom, .hromada-map-tools { display: none !important; }\n"
                + "}\n";
    }
}
