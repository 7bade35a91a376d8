package ua.hromada.gis.ui.view;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaadin.flow.server.streams.DownloadHandler;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.portal.ui.support.UiSupport;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import ua.hromada.gis.api.FeatureQuery;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.ExportColumn;
import ua.hromada.gis.exchange.ExportFeature;
import ua.hromada.gis.exchange.ExportLayer;
import ua.hromada.portal.api.PortalUser;

/** A layer's objects under the view's filter as gis-exchange writes them, read page by page. */
public final class FeatureExport {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureExport.class);
    static final int PAGE = 1000;

    private FeatureExport() {
    }

    public static ExportLayer of(GisFeatures features, PortalUser user, Layer layer, FeatureQuery filter) {
        return of(features, user, layer, filter, PAGE);
    }

    static ExportLayer of(GisFeatures features, PortalUser user, Layer layer, FeatureQuery filter, int pageSize) {
        List<ExportColumn> columns = layer.attributes().stream().map(a -> new ExportColumn(a.name(), a.label())).toList();
        Iterable<ExportFeature> rows = () -> new Pages(features, user, filter, pageSize);
        return new ExportLayer(layer.title(), columns, rows);
    }

    /**
     * A download of the layer's objects under {@code filter} as {@code user} reads them (null: the
     * public), written by gis-exchange in {@code format}; a failure is logged with its reference.
     */
    public static DownloadHandler download(GisExchange exchange, GisFeatures features, PortalUser user, Layer layer,
            FeatureQuery filter, ExportFormat format) {
        return UiSupport.download(() -> fileName(layer, format.extension()), format.mediaType(), LOG,
                "Export of a GIS layer failed", out -> exchange.write(format, of(features, user, layer, filter), out));
    }

    /** The file name of a layer's export: its key and the format's extension. */
    public static String fileName(Layer layer, String extension) {
        return layer.key() + "." + extension;
    }

    private static final class Pages implements Iterator<ExportFeature> {
        private final GisFeatures features;
        private final PortalUser user;
        private final FeatureQuery filter;
        private final int pageSize;
        private Iterator<GisFeature> page;
        private int offset;
        private boolean last;

        Pages(GisFeatures features, PortalUser user, FeatureQuery filter, int pageSize) {
            this.features = features;
            this.user = user;
            this.filter = filter;
            this.pageSize = pageSize;
        }

        @Override
        public boolean hasNext() {
            while ((page == null || !page.hasNext()) && !last) {
                var p = features.query(user, filter.page(offset, pageSize));
                offset += p.items().size();
                last = !p.hasNext() || p.items().isEmpty();
                page = p.items().iterator();
            }
            return page != null && page.hasNext();
        }

        @Override
        public ExportFeature next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            GisFeature f = page.next();
            return new ExportFeature(Long.toString(f.id()), f.geometry(), f.attributes());
        }
    }
}
