package ua.hromada.oks.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.oks.api.StatusGroup;
import ua.hromada.portal.api.dataset.DatasetProvider;

/**
 * The community's violations as an open dataset (CSV and GeoJSON), picked up by the open data
 * module when it is installed. Only public facts: no inspector, violator or reporter data.
 */
@Component(service = DatasetProvider.class)
public class ViolationsDataset implements DatasetProvider {
    private static final String[] COLUMNS = {"id", "registered_at", "type", "status_group", "last_action",
        "last_action_at", "deadline", "executor", "address", "latitude", "longitude"};
    private static final String SQL = "SELECT v.id, v.created_at, t.name AS type_name, a.status_group, a.name AS action_name,"
            + " v.status_at, v.deadline, o.name AS executor_name, v.address, ST_Y(v.location) AS lat, ST_X(v.location) AS lon"
            + " FROM oks.violation v JOIN oks.workflow_action a ON a.community = v.community AND a.kind = v.status_kind"
            + " JOIN oks.violation_type t ON t.id = v.type_id LEFT JOIN oks.executor_org o ON o.id = v.executor_id"
            + " ORDER BY v.id";

    private static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final OksDatabase db;

    @Activate
    public ViolationsDataset(@Reference OksDatabase db) {
        this.db = db;
    }

    @Override
    public String identifier() {
        return "oks-violations";
    }

    @Override
    public String module() {
        return "oks";
    }

    @Override
    public String title() {
        return "Порушення правил благоустрою на території громади (ОКС)";
    }

    @Override
    public String description() {
        return "Зареєстровані порушення правил благоустрою: тип, місце, статус опрацювання, виконавець і термін"
                + " усунення. Оновлюється з обліково-контрольної системи (ОКС). Персональні дані не включено.";
    }

    @Override
    public List<String> keywords() {
        return List.of("благоустрій", "порушення", "ОКС", "контроль");
    }

    @Override
    public String updateFrequency() {
        return "DAILY";
    }

    @Override
    public List<String> formats() {
        return List.of("CSV", "GEOJSON");
    }

    @Override
    public String mediaType(String format) {
        return "GEOJSON".equalsIgnoreCase(format) ? "application/geo+json" : "text/csv";
    }

    @Override
    public Instant lastModified() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(status_at) FROM oks.violation");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant(); // no violations yet: never changed
            }
        });
    }

    @Override
    public void write(String format, OutputStream out) throws IOException {
        boolean geojson = "GEOJSON".equalsIgnoreCase(format);
        if (!geojson && !"CSV".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("format must be CSV or GEOJSON: " + format);
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try {
            db.read(c -> {
                c.setAutoCommit(false); // a cursor: the whole table is never held in memory
                try (PreparedStatement ps = c.prepareStatement(SQL)) {
                    ps.setFetchSize(1000);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (geojson) {
                            writeGeoJson(rs, w);
                        } else {
                            writeCsv(rs, w);
                        }
                    }
                } finally {
                    c.rollback();
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    private static void writeCsv(ResultSet rs, Writer w) throws java.sql.SQLException {
        try {
            w.write(String.join(",", COLUMNS));
            w.write("\r\n");
            while (rs.next()) {
                String[] row = row(rs);
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(csv(row[i]));
                }
                w.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeGeoJson(ResultSet rs, Writer w) throws java.sql.SQLException {
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeArrayFieldStart("features");
            while (rs.next()) {
                String[] row = row(rs);
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "Point");
                g.writeArrayFieldStart("coordinates");
                g.writeNumber(rs.getDouble("lon"));
                g.writeNumber(rs.getDouble("lat"));
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeNumberField("id", rs.getLong("id"));
                for (int i = 1; i < 9; i++) {
                    if (row[i].isEmpty() && i != 8) {
                        g.writeNullField(COLUMNS[i]);
                    } else {
                        g.writeStringField(COLUMNS[i], row[i]);
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] row(ResultSet rs) throws java.sql.SQLException {
        LocalDate deadline = rs.getObject("deadline", LocalDate.class);
        return new String[] {Long.toString(rs.getLong("id")), rs.getTimestamp("created_at").toInstant().toString(),
            rs.getString("type_name"), groupName(rs.getInt("status_group")), rs.getString("action_name"),
            rs.getTimestamp("status_at") == null ? "" : rs.getTimestamp("status_at").toInstant().toString(),
            deadline == null ? "" : deadline.toString(), nz(rs.getString("executor_name")), nz(rs.getString("address")),
            String.format(Locale.ROOT, "%.6f", rs.getDouble("lat")), String.format(Locale.ROOT, "%.6f", rs.getDouble("lon"))};
    }

    /** Group names as published (Ukrainian, like the rest of the dataset). */
    static String groupName(int number) {
        return switch (StatusGroup.ofNumber(number)) {
            case UNASSIGNED -> "Без виконавця";
            case SENT -> "Направлено";
            case IN_PROGRESS -> "В стані вирішення";
            case DONE -> "Виконано";
            case CONFLICT -> "Конфліктне";
            case ARCHIVED -> "Архів";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String csv(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
