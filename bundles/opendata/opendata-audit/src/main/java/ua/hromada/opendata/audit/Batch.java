package ua.hromada.opendata.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Many rows in few statements: each column goes as one array and PostgreSQL's unnest turns the
 * arrays back into rows (much faster than row-by-row inserts, and needs no driver-specific API).
 */
final class Batch {
    private static final int CHUNK = 5000;

    private final String table;
    private final String[] columns;
    private final String[] types;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param columnsAndTypes "name type" pairs, e.g. "run_id bigint", "rule text" */
    Batch(String table, String... columnsAndTypes) {
        this.table = table;
        this.columns = new String[columnsAndTypes.length];
        this.types = new String[columnsAndTypes.length];
        for (int i = 0; i < columnsAndTypes.length; i++) {
            String[] p = columnsAndTypes[i].split(" ", 2);
            columns[i] = p[0];
            types[i] = p[1];
        }
    }

    void add(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + ": " + columns.length + " values expected");
        }
        rows.add(values);
    }

    int size() {
        return rows.size();
    }

    void insert(Connection c) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(String.join(", ", columns))
                .append(") SELECT * FROM unnest(");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(types[i]).append("[]");
        }
        sql.append(")");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int from = 0; from < rows.size(); from += CHUNK) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                for (int col = 0; col < columns.length; col++) {
                    Object[] values = new Object[chunk.size()];
                    for (int r = 0; r < chunk.size(); r++) {
                        values[r] = chunk.get(r)[col];
                    }
                    ps.setArray(col + 1, c.createArrayOf(baseType(types[col]), values));
                }
                ps.executeUpdate();
            }
        }
    }

    private static String baseType(String type) {
        return switch (type) {
            case "bigint" -> "int8";
            case "integer" -> "int4";
            case "double precision" -> "float8";
            case "boolean" -> "bool";
            default -> type;
        };
    }
}
