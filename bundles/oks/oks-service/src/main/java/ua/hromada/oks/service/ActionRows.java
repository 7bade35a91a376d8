package ua.hromada.oks.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;

/**
 * A row of {@code oks.workflow_action} read and written the one way the catalogue, the cards and
 * the journal share (migration V9 says what each column holds).
 */
final class ActionRows {
    private static final String[] COLUMNS = {"kind", "code", "name", "status_group", "responsible", "effect", "active",
        "roles", "after_keys", "inputs", "required", "document", "version"};

    private ActionRows() {
    }

    /** The columns of table alias {@code alias}, each named {@code <alias>_<column>} for {@link #read}. */
    static String select(String alias) {
        StringBuilder s = new StringBuilder();
        for (String column : COLUMNS) {
            s.append(s.length() == 0 ? "" : ", ").append(alias).append('.').append(column).append(" AS ")
                    .append(alias).append('_').append(column);
        }
        return s.toString();
    }

    /** The action of the columns {@link #select} named for {@code alias}. */
    static WorkflowAction read(ResultSet rs, String alias) throws SQLException {
        String p = alias + "_";
        String document = rs.getString(p + "document");
        return new WorkflowAction(rs.getString(p + "kind"), rs.getInt(p + "code"), rs.getString(p + "name"),
                StatusGroup.ofNumber(rs.getInt(p + "status_group")), ResponsibleGroup.valueOf(rs.getString(p + "responsible")),
                ActionEffect.valueOf(rs.getString(p + "effect")), rs.getBoolean(p + "active"),
                enums(rs.getArray(p + "roles"), Role.class), strings(rs.getArray(p + "after_keys")),
                enums(rs.getArray(p + "inputs"), Input.class), enums(rs.getArray(p + "required"), Input.class),
                document == null ? null : ViolationDocuments.Kind.valueOf(document), rs.getLong(p + "version"));
    }

    /** Binds an insert's 12 values in the order kind, code, name, status_group, responsible, effect, active,
     *  roles, after_keys, inputs, required, document. */
    static void bind(Connection c, PreparedStatement ps, WorkflowAction a) throws SQLException {
        ps.setString(1, a.key());
        bindRules(c, ps, 2, a);
    }

    /** Binds code … document (11 values) from {@code first} on; returns the next index. */
    static int bindRules(Connection c, PreparedStatement ps, int first, WorkflowAction a) throws SQLException {
        int i = first;
        ps.setInt(i++, a.code());
        ps.setString(i++, a.name());
        ps.setInt(i++, a.group().number());
        ps.setString(i++, a.responsible().name());
        ps.setString(i++, a.effect().name());
        ps.setBoolean(i++, a.active());
        ps.setArray(i++, array(c, a.roles(), Role::name));
        ps.setArray(i++, array(c, a.after(), Function.identity()));
        ps.setArray(i++, array(c, a.inputs(), Input::name));
        ps.setArray(i++, array(c, a.required(), Input::name));
        ps.setString(i++, a.document() == null ? null : a.document().name());
        return i;
    }

    private static <T> Array array(Connection c, Collection<T> values, Function<T, String> name) throws SQLException {
        // sorted: the stored row reads the same whatever order the form gave
        return c.createArrayOf("text", values.stream().map(name).sorted().toArray());
    }

    private static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
        EnumSet<E> out = EnumSet.noneOf(type);
        for (String s : strings(array)) {
            out.add(Enum.valueOf(type, s));
        }
        return out;
    }

    private static Set<String> strings(Array array) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }
}
