package ua.hromada.gis.ui.view;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridMultiSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.ServiceCapabilities;
import ua.hromada.gis.api.ServiceCapabilities.Entry;

/**
 * The layers a WMS or WMTS service offers, as its capabilities document lists them: the
 * administrator picks one (WMTS) or several (WMS) instead of typing their names. Hidden until a
 * document was read.
 */
class CapabilitiesPicker extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final Paragraph service = new Paragraph();
    private final Grid<Entry> grid = new Grid<>();
    private final Grid.Column<Entry> sets;
    private final Grid.Column<Entry> formats;
    private final transient Consumer<List<Entry>> picked;
    private transient ServiceCapabilities capabilities;
    private transient boolean filling;

    /** {@code picked} gets the chosen layers in the document's order on every change of the choice. */
    CapabilitiesPicker(Consumer<List<Entry>> picked) {
        this.picked = picked;
        setId("external-capabilities-panel");
        setPadding(false);
        setSpacing(false);
        service.setId("external-capabilities-service");
        grid.setId("external-capabilities");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setMaxHeight("16rem");
        grid.addColumn(Entry::name).setHeader(getTranslation("gis.ui.external.capName")).setAutoWidth(true);
        grid.addColumn(Entry::title).setHeader(getTranslation("gis.ui.external.capTitle")).setFlexGrow(2);
        sets = grid.addColumn(e -> String.join(", ", e.tileMatrixSets()))
                .setHeader(getTranslation("gis.ui.external.capSets")).setAutoWidth(true);
        formats = grid.addColumn(e -> String.join(", ", e.formats()))
                .setHeader(getTranslation("gis.ui.external.capFormats")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("gis.ui.external.capEmpty"));
        grid.setClassNameGenerator(e -> "external-capability");
        // a click on the row picks it in the multi-select list too, not only on its check box (the grid
        // sends no item click from the check box itself); the single-select list picks by click already
        grid.addItemClickListener(e -> {
            if (grid.getSelectionModel() instanceof GridMultiSelectionModel) {
                if (grid.getSelectedItems().contains(e.getItem())) {
                    grid.deselect(e.getItem());
                } else {
                    grid.select(e.getItem());
                }
            }
        });
        add(service, grid);
        setVisible(false);
    }

    /** Lists the document's layers; those already named in the form stay chosen. */
    void show(ServiceCapabilities caps, Collection<String> current) {
        capabilities = caps;
        boolean wmts = caps.kind() == ExternalLayerKind.WMTS;
        filling = true;
        try {
            // a new selection model each time: the listener belongs to the model, so it is added anew
            grid.setSelectionMode(wmts ? Grid.SelectionMode.SINGLE : Grid.SelectionMode.MULTI);
            if (grid.getSelectionModel() instanceof GridMultiSelectionModel<Entry> multi) {
                // a big geoportal lists hundreds of layers: all of them at once is never the choice
                multi.setSelectAllCheckboxVisibility(GridMultiSelectionModel.SelectAllCheckboxVisibility.HIDDEN);
            }
            grid.addSelectionListener(e -> {
                if (!filling) {
                    picked.accept(chosen(e.getAllSelectedItems()));
                }
            });
            grid.setItems(caps.layers());
            caps.layers().stream().filter(e -> current.contains(e.name())).limit(wmts ? 1 : Long.MAX_VALUE)
                    .forEach(grid::select);
        } finally {
            filling = false;
        }
        sets.setVisible(wmts);
        formats.setVisible(wmts);
        String title = caps.title() == null || caps.title().isBlank() ? "" : caps.title();
        service.setText(getTranslation("gis.ui.external.capService", title, caps.kind().name(), caps.version(),
                caps.layers().size()));
        grid.getElement().setAttribute("aria-label", getTranslation("gis.ui.external.capChoose"));
        setVisible(true);
    }

    void clear() {
        capabilities = null;
        grid.setItems(List.of());
        setVisible(false);
    }

    /** The WMTS tile matrix set for the map (Web Mercator where the layer offers one), else the layer's first; null: none. */
    String preferredSet(Entry entry) {
        if (capabilities == null || entry.tileMatrixSets().isEmpty()) {
            return null;
        }
        return entry.tileMatrixSets().stream().filter(id -> capabilities.tileMatrixSets().stream()
                .anyMatch(s -> s.identifier().equals(id) && webMercator(s.crs()))).findFirst()
                .orElse(entry.tileMatrixSets().get(0));
    }

    private static boolean webMercator(String crs) {
        return crs != null && (crs.endsWith(":3857") || crs.endsWith(":900913") || crs.endsWith(":102100"));
    }

    private List<Entry> chosen(Set<Entry> selected) {
        return capabilities == null ? List.of() : capabilities.layers().stream().filter(selected::contains).toList();
    }
}
