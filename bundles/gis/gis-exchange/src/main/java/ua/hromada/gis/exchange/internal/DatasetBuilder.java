package ua.hromada.gis.exchange.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.ImportedDataset;
import ua.hromada.gis.exchange.ImportedRow;

/**
 * Collects a file's rows: checks each geometry (WGS 84 ranges, OGC validity), keeps the attribute
 * names in the order first seen and stops the file at the row limit.
 */
final class DatasetBuilder {
    static final int WGS84 = 4326;
    private final int maxRows;
    private final Set<String> attributeNames = new LinkedHashSet<>();
    private final List<ImportedRow> rows = new ArrayList<>();
    private final List<ExchangeMessage> fileErrors = new ArrayList<>();

    DatasetBuilder(int maxRows) {
        this.maxRows = maxRows;
    }

    void attribute(String name) {
        attributeNames.add(name);
    }

    void fileError(String key, Object... args) {
        fileErrors.add(ExchangeMessage.of(key, args));
    }

    void fileError(ExchangeMessage error) {
        fileErrors.add(error);
    }

    int rowCount() {
        return rows.size();
    }

    /** A row; {@code geometry} null when {@code errors} says why. */
    void row(int number, Geometry geometry, Integer srid, Map<String, String> attributes, List<ExchangeMessage> errors) {
        if (rows.size() >= maxRows) {
            throw new ImportFailure("gis.exchange.file.tooManyRows", maxRows);
        }
        attributes.keySet().forEach(attributeNames::add);
        List<ExchangeMessage> all = new ArrayList<>(errors);
        String text = null;
        if (geometry != null) {
            check(geometry, srid, all);
            text = GeoJsonGeometry.write(geometry);
        } else if (errors.isEmpty()) {
            all.add(ExchangeMessage.of("gis.exchange.row.noGeometry"));
        }
        rows.add(new ImportedRow(number, text, srid, attributes, all));
    }

    ImportedDataset build(Integer srid) {
        return new ImportedDataset(srid, List.copyOf(attributeNames), rows, fileErrors);
    }

    private static void check(Geometry g, Integer srid, List<ExchangeMessage> errors) {
        if (g.isEmpty()) {
            errors.add(ExchangeMessage.of("gis.exchange.row.noGeometry"));
            return;
        }
        if (srid != null && srid == WGS84) {
            for (Coordinate c : g.getCoordinates()) {
                if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                    errors.add(ExchangeMessage.of("gis.exchange.row.outOfRange", GeoJsonGeometry.format(c)));
                    return;
                }
            }
        }
        TopologyValidationError invalid = new IsValidOp(g).getValidationError();
        if (invalid != null) {
            errors.add(ExchangeMessage.of("gis.exchange.row.invalid." + invalid.getErrorType(),
                    invalid.getCoordinate() == null ? "" : GeoJsonGeometry.format(invalid.getCoordinate())));
        }
    }
}
