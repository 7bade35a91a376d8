package ua.hromada.gis.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ResourceBundle;

import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.ExportColumn;
import ua.hromada.gis.exchange.ExportFeature;
import ua.hromada.gis.exchange.ExportFormat;
import ua.hromada.gis.exchange.ExportLayer;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.portal.api.dataset.DatasetProvider;

/**
 * One public layer (by its key) as a live open dataset, GeoJSON and CSV written by gis-exchange.
 * The open data module asks it with each community bound in turn: a community whose layer of this
 * key is not public (or absent) gets an empty collection and no change date.
 */
final class PublicLayerDataset implements DatasetProvider {
    static final String PREFIX = "gis-";
    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final String key;
    private final GisDatabase db;
    private final GisExchange exchange;

    PublicLayerDataset(String key, GisDatabase db, GisExchange exchange) {
        this.key = key;
        this.db = db;
        this.exchange = exchange;
    }

    String layerKey() {
        return key;
    }

    @Override
    public String identifier() {
        return PREFIX + key;
    }

    @Override
    public String module() {
        return GisLayersImpl.MODULE;
    }

    @Override
    public String title() {
        return text("gis.dataset.title", layer().map(Layer::title).orElse(key));
    }

    @Override
    public String description() {
        Optional<Layer> layer = layer();
        String text = text("gis.dataset.description", layer.map(Layer::title).orElse(key));
        String source = layer.map(l -> l.metadata().source()).orElse(null);
        return source == null || source.isBlank() ? text : text + " " + text("gis.dataset.source", source.strip());
    }

    @Override
    public List<String> keywords() {
        return List.of(text("gis.dataset.keyword.gis"), text("gis.dataset.keyword.geodata"),
                layer().map(Layer::title).orElse(key));
    }

    @Override
    public String updateFrequency() {
        return "ON_CHANGE"; // objects are added and edited continuously, the file follows each change
    }

    @Override
    public List<String> formats() {
        return List.of("GEOJSON", "CSV");
    }

    @Override
    public String mediaType(String format) {
        return format(format).mediaType();
    }

    /** The last change of the layer's definition or of any of its objects (deletions included). */
    @Override
    public Instant lastModified() {
        return db.read(c -> {
            Optional<Layer> layer = publicLayer(c);
            if (layer.isEmpty()) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT max(h.at) FROM gis.feature_history h WHERE h.layer_id = ?")) {
                ps.setLong(1, layer.get().id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    Instant changed = layer.get().updatedAt();
                    return t == null || changed != null && changed.isAfter(t.toInstant()) ? changed : t.toInstant();
                }
            }
        });
    }

    @Override
    public void write(String format, OutputStream out) throws IOException {
        ExportFormat f = format(format);
        try {
            db.read(c -> {
                Optional<Layer> layer = publicLayer(c);
                List<ExportColumn> columns = layer.map(l -> l.attributes().stream()
                        .map(a -> new ExportColumn(a.name(), a.label())).toList()).orElse(List.of());
                c.setAutoCommit(false); // a cursor: the layer is never held in memory at once
                try (PreparedStatement ps = c.prepareStatement("SELECT " + FeatureStore.COLUMNS
                        + " FROM gis.feature f WHERE f.layer_id = ? ORDER BY f.id")) {
                    ps.setFetchSize(1000);
                    ps.setLong(1, layer.map(Layer::id).orElse(-1L));
                    try (ResultSet rs = ps.executeQuery()) {
                        String title = layer.map(Layer::title).orElse(key);
                        exchange.write(f, new ExportLayer(title, columns, () -> rows(rs, layer.orElse(null))), out);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    c.rollback();
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Iterator<ExportFeature> rows(ResultSet rs, Layer layer) {
        return new Iterator<>() {
            private Boolean ahead;

            @Override
            public boolean hasNext() {
                if (ahead == null) {
                    try {
                        ahead = layer != null && rs.next();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return ahead;
            }

            @Override
            public ExportFeature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ahead = null;
                try {
                    GisFeature g = FeatureStore.row(rs).feature(layer);
                    Map<String, Object> values = new LinkedHashMap<>(g.attributes());
                    return new ExportFeature(Long.toString(g.id()), g.geometry(), values);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private Optional<Layer> layer() {
        return db.read(this::publicLayer);
    }

    private Optional<Layer> publicLayer(Connection c) throws SQLException {
        return LayerStore.layerByKey(c, key).filter(Layer::isPublic);
    }

    private static ExportFormat format(String format) {
        if ("GEOJSON".equalsIgnoreCase(format)) {
            return ExportFormat.GEOJSON;
        }
        if ("CSV".equalsIgnoreCase(format)) {
            return ExportFormat.CSV;
        }
        throw new IllegalArgumentException("format must be GEOJSON or CSV: " + format);
    }

    /** Passport texts are Ukrainian (the national open data portal's language). */
    private static String text(String messageKey, Object... args) {
        String pattern = ResourceBundle.getBundle("i18n.gis", UKRAINIAN, PublicLayerDataset.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                .getString(messageKey);
        return new MessageFormat(pattern, UKRAINIAN).format(args);
    }
}
