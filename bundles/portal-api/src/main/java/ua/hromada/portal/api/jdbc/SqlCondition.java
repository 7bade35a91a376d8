package ua.hromada.portal.api.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An SQL condition and its parameters in order, immutable: the filter a list and its count share,
 * put together by {@link #builder()} from the conditions a query asks for. Since 1.6.0.
 *
 * <pre>{@code
 * SqlCondition.Builder b = SqlCondition.builder();
 * if (q.status() != null) {
 *     b.and("s.status = ?", q.status().name());
 * }
 * SqlCondition w = b.build();
 * Statements.list(c, SELECT + w.where() + " LIMIT ? OFFSET ?", row, w.paramsThen(limit, offset));
 * }</pre>
 *
 * <p>A parameter that is itself an array (a {@code Long[]} for {@code = ANY (?)}) is passed as
 * {@code (Object) array}, or it would be taken for the varargs.
 */
public final class SqlCondition {

    /** No condition: every row; its {@link #where()} is empty. */
    public static final SqlCondition NONE = new SqlCondition("", List.of());

    private final String sql;
    private final List<Object> params;

    private SqlCondition(String sql, List<Object> params) {
        this.sql = sql;
        this.params = params;
    }

    /** The condition {@code sql} with its parameters, one per {@code ?} in order. */
    public static SqlCondition of(String sql, Object... params) {
        return of(sql, Arrays.asList(params));
    }

    /** The condition {@code sql} with its parameters, one per {@code ?} in order. */
    public static SqlCondition of(String sql, List<?> params) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("an empty condition: use NONE");
        }
        // List.copyOf refuses nulls, and a parameter may be SQL NULL
        return new SqlCondition(sql, Collections.unmodifiableList(new ArrayList<>(params)));
    }

    /** Collects conditions to AND. */
    public static Builder builder() {
        return new Builder();
    }

    /** The condition's text (several ANDed: each in parentheses); empty for {@link #NONE}. */
    public String sql() {
        return sql;
    }

    /** The parameters, in the order of their {@code ?}. */
    public List<Object> params() {
        return params;
    }

    public boolean isEmpty() {
        return sql.isEmpty();
    }

    /** {@code " WHERE <condition>"}, or empty when there is none: appended to a query's FROM. */
    public String where() {
        return isEmpty() ? "" : " WHERE " + sql;
    }

    /** This condition and {@code other}, the parameters in the same order. */
    public SqlCondition and(SqlCondition other) {
        return builder().and(this).and(other).build();
    }

    /** The parameters followed by {@code more} (a page's LIMIT and OFFSET), for {@link Statements#list}. */
    public Object[] paramsThen(Object... more) {
        Object[] out = Arrays.copyOf(params.toArray(), params.size() + more.length);
        System.arraycopy(more, 0, out, params.size(), more.length);
        return out;
    }

    /**
     * Sets the parameters on {@code ps} from index {@code first} on ({@code setObject}, as
     * {@link Statements} does); the index of the statement's next parameter.
     */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlCondition other && sql.equals(other.sql) && params.equals(other.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, params);
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }

    /**
     * ANDs conditions: each in parentheses when there are several, so a condition may use OR freely
     * and needs no parentheses of its own.
     */
    public static final class Builder {
        private final List<String> parts = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        private Builder() {
        }

        /** ANDs {@code sql} with its parameters, one per {@code ?} in order. */
        public Builder and(String sql, Object... params) {
            return and(of(sql, params));
        }

        /** ANDs {@code sql} with its parameters, one per {@code ?} in order. */
        public Builder and(String sql, List<?> params) {
            return and(of(sql, params));
        }

        /** ANDs {@code condition} (nothing for {@link #NONE}). */
        public Builder and(SqlCondition condition) {
            if (!condition.isEmpty()) {
                parts.add(condition.sql);
                params.addAll(condition.params);
            }
            return this;
        }

        /** The conditions ANDed; {@link #NONE} when none was added. */
        public SqlCondition build() {
            if (parts.isEmpty()) {
                return NONE;
            }
            String sql = parts.size() == 1 ? parts.get(0) : "(" + String.join(") AND (", parts) + ")";
            return new SqlCondition(sql, Collections.unmodifiableList(new ArrayList<>(params)));
        }
    }
}
