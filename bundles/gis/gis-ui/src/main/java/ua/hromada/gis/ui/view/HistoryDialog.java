package ua.hromada.gis.ui.view;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;

import ua.hromada.gis.api.FeatureChange;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The history of one object (who, when, what: old → new per attribute, geometry changed or not),
 * or the deleted objects of a layer; each entry can be restored by an editor (a new change).
 */
class HistoryDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(HistoryDialog.class);

    private final transient GisFeatures features;
    private final transient PortalUser user;
    private final transient Consumer<GisFeature> restored;

    private HistoryDialog(GisFeatures features, PortalUser user, Layer layer, ZoneId zone, List<FeatureChange> changes,
            boolean deletedList, boolean editable, Consumer<GisFeature> restored) {
        this.features = features;
        this.user = user;
        this.restored = restored;
        setId(deletedList ? "gis-deleted" : "gis-history");
        setWidth("min(60rem, 95vw)");
        Grid<FeatureChange> grid = new Grid<>();
        grid.setId(deletedList ? "gis-deleted-grid" : "gis-history-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> DisplayFormats.dateTime(c.at(), zone)).setHeader(getTranslation("gis.ui.history.at")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(FeatureChange::actor).setHeader(getTranslation("gis.ui.history.actor")).setAutoWidth(true);
        if (deletedList) {
            grid.addColumn(c -> "#" + c.featureId() + " " + nz(layer.titleOf(c.oldAttributes())))
                    .setHeader(getTranslation("gis.ui.history.object")).setFlexGrow(3);
        } else {
            grid.addColumn(c -> getTranslation("gis.ui.action." + c.action().name()))
                    .setHeader(getTranslation("gis.ui.history.action")).setAutoWidth(true);
            grid.addComponentColumn(c -> {
                Div d = new Div();
                d.getStyle().set("white-space", "pre-wrap");
                d.setText(ChangeLines.of(layer, c).stream().map(ChangeLines.Line::toString)
                        .collect(Collectors.joining("\n")));
                return d;
            }).setHeader(getTranslation("gis.ui.history.changes")).setFlexGrow(3);
            grid.addColumn(c -> getTranslation(ChangeLines.geometryChanged(c) ? "gis.ui.yes" : "gis.ui.no"))
                    .setHeader(getTranslation("gis.ui.history.geometry")).setAutoWidth(true);
        }
        if (editable) {
            grid.addComponentColumn(c -> {
                Button b = new Button(getTranslation("gis.ui.history.restore"), e -> restore(c));
                b.addThemeVariants(ButtonVariant.LUMO_SMALL);
                b.setId("gis-restore-" + c.id());
                return b;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(changes);
        grid.setEmptyStateText(getTranslation(deletedList ? "gis.ui.deleted.empty" : "gis.ui.history.empty"));
        add(grid);
        Button close = new Button(getTranslation("gis.ui.close"), e -> close());
        close.setId("gis-history-close");
        getFooter().add(close);
    }

    static HistoryDialog history(GisFeatures features, PortalUser user, Layer layer, GisFeature feature, ZoneId zone,
            boolean editable, Consumer<GisFeature> restored) {
        HistoryDialog d = new HistoryDialog(features, user, layer, zone, features.history(user, feature.id()), false,
                editable, restored);
        d.setHeaderTitle(d.getTranslation("gis.ui.history.title", feature.id()));
        return d;
    }

    static HistoryDialog deleted(GisFeatures features, PortalUser user, Layer layer, ZoneId zone, boolean editable,
            Consumer<GisFeature> restored) {
        HistoryDialog d = new HistoryDialog(features, user, layer, zone, features.deleted(user, layer.id(), 500), true,
                editable, restored);
        d.setHeaderTitle(d.getTranslation("gis.ui.deleted.title", layer.title()));
        return d;
    }

    private void restore(FeatureChange change) {
        try {
            GisFeature f = features.restore(user, change.featureId(), change.id());
            close();
            GisUi.success(getTranslation("gis.ui.history.restored", f.id()));
            restored.accept(f);
        } catch (GisException e) {
            GisUi.error(GisUi.reason(this, e));
        } catch (RuntimeException e) {
            GisUi.error(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Restoring a GIS object failed", e)));
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
