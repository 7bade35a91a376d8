package ua.hromada.gis.ui.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.ImportedDataset;
import ua.hromada.gis.exchange.ImportedRow;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.JobProgress;

/**
 * The import preview: which file attribute fills which layer attribute, every row as the layer
 * would receive it, and every row's problems — the file's (gis-exchange) and the layer's
 * (GisFeatures.check, nothing saved). Saving takes all rows or, when the person drops the bad
 * ones explicitly, the good ones only.
 */
public final class ImportPlan {

    /** A problem of a row: an exchange message key or a gis validation key, with its arguments. */
    public record Problem(String field, String key, List<String> args) {
    }

    /** One row of the preview: its number in the file, what would be saved, and its problems. */
    public record Row(int number, FeatureInput input, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private ImportPlan() {
    }

    /**
     * The default mapping: each layer attribute takes the file attribute of the same name, or of its
     * label (letter case ignored); null when the file has none.
     */
    public static Map<String, String> defaultMapping(Layer layer, List<String> fileAttributes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AttributeDefinition a : layer.attributes()) {
            String match = null;
            for (String f : fileAttributes) {
                String low = f.strip().toLowerCase(Locale.ROOT);
                if (low.equals(a.name().toLowerCase(Locale.ROOT))
                        || a.label() != null && low.equals(a.label().strip().toLowerCase(Locale.ROOT))) {
                    match = f;
                    break;
                }
            }
            out.put(a.name(), match);
        }
        return out;
    }

    /**
     * The rows as the layer would get them, checked by the service: rows the file already marks
     * broken keep those messages and are not sent to the check. {@code fallbackSrid} is used for
     * rows whose coordinate system the file does not state.
     */
    public static List<Row> preview(GisFeatures features, PortalUser user, Layer layer, ImportedDataset dataset,
            Map<String, String> mapping, int fallbackSrid, JobProgress progress) {
        List<Row> rows = new ArrayList<>();
        List<Integer> checked = new ArrayList<>();
        List<FeatureInput> inputs = new ArrayList<>();
        for (ImportedRow r : dataset.rows()) {
            FeatureInput input = input(r, mapping, dataset.sourceSrid(), fallbackSrid);
            List<Problem> problems = new ArrayList<>();
            for (ExchangeMessage m : r.errors()) {
                problems.add(new Problem(null, m.key(), m.args()));
            }
            if (problems.isEmpty()) {
                checked.add(rows.size());
                inputs.add(input);
            }
            rows.add(new Row(r.number(), input, problems));
        }
        // one check of every row: uniqueness is checked within the whole file, not per part
        progress.update(0, -1);
        if (!inputs.isEmpty() && !progress.cancelled()) {
            for (ValidationError e : features.check(user, layer.id(), inputs)) {
                if (e.row() >= 0 && e.row() < checked.size()) {
                    rows.get(checked.get(e.row())).problems().add(new Problem(e.field(), e.messageKey(), e.args()));
                }
            }
        }
        progress.update(rows.size(), rows.size());
        return rows;
    }

    /** What would be saved: every row when all are good; the good ones when {@code dropBad}; else none. */
    public static List<FeatureInput> toSave(List<Row> rows, boolean dropBad) {
        boolean allOk = rows.stream().allMatch(Row::ok);
        if (!allOk && !dropBad) {
            return List.of();
        }
        return rows.stream().filter(Row::ok).map(Row::input).toList();
    }

    static FeatureInput input(ImportedRow row, Map<String, String> mapping, Integer datasetSrid, int fallbackSrid) {
        Map<String, Object> values = new LinkedHashMap<>();
        mapping.forEach((attribute, column) -> {
            String v = column == null ? null : row.attributes().get(column);
            values.put(attribute, v == null || v.isBlank() ? null : v);
        });
        int srid = row.srid() != null ? row.srid() : datasetSrid != null ? datasetSrid : fallbackSrid;
        return new FeatureInput(row.geometry(), srid, values);
    }
}
