package ua.hromada.opendata.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ua.hromada.opendata.api.DataManager;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The data managers of an import: the file's managers table (the export writes one, as a sheet or
 * as managers.csv) and the managers the commit creates, whether a dataset row names them or only
 * the managers table does (a manager without datasets survives the round trip, with its contact
 * details and its parent body). Managers already in the registry are looked up, never changed.
 */
final class ImportManagers {

    /** A manager the commit creates, and the name of its parent body (looked up at the commit). */
    record Planned(DataManager manager, String parentName) {
    }

    private final Map<String, DataManager> knownByEdrpou;
    private final Map<String, DataManager> knownByName;
    /** Contact details of the managers table, by ЄДРПОУ, for managers named by dataset rows. */
    private final Map<String, DataManager> details = new HashMap<>();
    /** By key: the ЄДРПОУ code, or "name:" and the lower-case name for a manager without one. */
    private final Map<String, Planned> planned = new LinkedHashMap<>();

    ImportManagers(Map<String, DataManager> knownByEdrpou, Map<String, DataManager> knownByName) {
        this.knownByEdrpou = knownByEdrpou;
        this.knownByName = knownByName;
    }

    /** Reads the managers table of the file, if it has one, and plans the managers it adds. */
    void readTable(Map<String, Tables.Table> tables) {
        Tables.Table t = tables.containsKey(Tables.MANAGERS_SHEET) ? tables.get(Tables.MANAGERS_SHEET)
                : tables.get(Tables.MANAGERS_CSV);
        if (t == null) {
            return;
        }
        List<String> h = t.headers().stream().map(String::strip).toList();
        int name = h.indexOf(Passport.MANAGER_NAME);
        int code = h.indexOf(Passport.EDRPOU);
        if (name < 0) {
            return;
        }
        for (Tables.Line l : t.lines()) {
            String n = text(l.cell(name));
            String edrpou = code < 0 ? null : edrpou(l.cell(code));
            if (n == null || edrpou != null && !Edrpou.valid(edrpou)) {
                continue; // a dataset row naming it reports the problem
            }
            DataManager m = new DataManager(0, n, edrpou, text(l.cell(h.indexOf(Passport.MANAGER_RESPONSIBLE))),
                    text(l.cell(h.indexOf(Passport.MANAGER_EMAIL))), text(l.cell(h.indexOf(Passport.PHONE))), null, null);
            if (edrpou != null) {
                details.put(edrpou, m);
            }
            if (known(edrpou, n).isEmpty() && planned(edrpou, n).isEmpty()) {
                checked(m).ifPresent(ok -> planned.put(key(edrpou, n),
                        new Planned(ok, text(l.cell(h.indexOf(Passport.PARENT))))));
            }
        }
    }

    /** The registry's manager by ЄДРПОУ, else by name. */
    Optional<DataManager> known(String edrpou, String name) {
        DataManager m = edrpou != null ? knownByEdrpou.get(edrpou) : null;
        if (m == null && name != null) {
            m = knownByName.get(name.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(m);
    }

    /** The key of a manager planned for creation, by ЄДРПОУ, else by name. */
    Optional<String> planned(String edrpou, String name) {
        if (edrpou != null && planned.containsKey(edrpou)) {
            return Optional.of(edrpou);
        }
        if (name != null) {
            for (Map.Entry<String, Planned> e : planned.entrySet()) {
                if (e.getValue().manager().name().equalsIgnoreCase(name)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    DataManager plannedManager(String key) {
        return planned.get(key).manager();
    }

    /**
     * Plans a manager a dataset row names by name and ЄДРПОУ (details from the managers table when
     * it has them); the problems of the rules when it cannot be created.
     */
    List<Problem> planFromRow(String name, String edrpou) {
        DataManager d = details.get(edrpou);
        Optional<DataManager> m = checked(new DataManager(0, name, edrpou, d == null ? null : d.responsiblePerson(),
                d == null ? null : d.email(), d == null ? null : d.phone(), null, null));
        if (m.isEmpty()) {
            m = checked(new DataManager(0, name, edrpou, null, null, null, null, null));
        }
        if (m.isEmpty()) {
            return Rules.check(Rules.normalize(new DataManager(0, name, edrpou, null, null, null, null, null)));
        }
        planned.put(key(edrpou, name), new Planned(m.get(), null));
        return List.of();
    }

    /** What the preview announces: "name (ЄДРПОУ 12345678)" of every manager to be created. */
    List<String> announced() {
        List<String> out = new ArrayList<>();
        for (Planned p : planned.values()) {
            DataManager m = p.manager();
            out.add(m.edrpou() == null ? m.name() : m.name() + " (ЄДРПОУ " + m.edrpou() + ")");
        }
        return out;
    }

    /**
     * Creates the planned managers (one someone created since the preview is taken as it is), then
     * sets the parent bodies the managers table names. Returns the ids by key and how many were new.
     */
    Created create(Connection c, DatasetRegistryImpl registry) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        List<Long> fresh = new ArrayList<>();
        for (Map.Entry<String, Planned> e : planned.entrySet()) {
            DataManager m = e.getValue().manager();
            Optional<DataManager> now = m.edrpou() != null ? registry.managerStore().managerByEdrpou(c, m.edrpou())
                    : registry.managerStore().managerByName(c, m.name());
            if (now.isPresent()) {
                ids.put(e.getKey(), now.get().id());
                continue;
            }
            long id = registry.managerStore().saveManager(c, m, false).id();
            ids.put(e.getKey(), id);
            fresh.add(id);
        }
        // parents afterwards: a parent listed further down the table exists by then
        for (Map.Entry<String, Planned> e : planned.entrySet()) {
            Long id = ids.get(e.getKey());
            String parent = e.getValue().parentName();
            if (parent == null || !fresh.contains(id)) {
                continue;
            }
            Optional<DataManager> p = registry.managerStore().managerByName(c, parent);
            if (p.isPresent() && p.get().id() != id) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE opendata.data_manager SET parent_id = ?, "
                        + Versioned.BUMP + " WHERE id = ?")) {
                    ps.setLong(1, p.get().id());
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
        }
        return new Created(ids, fresh);
    }

    record Created(Map<String, Long> ids, List<Long> fresh) {
    }

    private static Optional<DataManager> checked(DataManager m) {
        DataManager n = Rules.normalize(m);
        return Rules.check(n).isEmpty() ? Optional.of(n) : Optional.empty();
    }

    private static String key(String edrpou, String name) {
        return edrpou != null ? edrpou : "name:" + name.toLowerCase(Locale.ROOT);
    }

    /** A cell as stripped text (a numeric XLSX cell without its trailing zeros), or null. */
    static String text(Object cell) {
        if (cell == null) {
            return null;
        }
        String s = cell instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : cell.toString();
        return Rules.strip(s);
    }

    /** A numeric XLSX cell loses the code's leading zeros: they are put back. */
    static String edrpou(Object cell) {
        if (cell instanceof BigDecimal n) {
            String digits = n.stripTrailingZeros().toPlainString();
            if (digits.matches("[0-9]{1,7}")) {
                return "0".repeat(8 - digits.length()) + digits;
            }
            return digits;
        }
        String s = text(cell);
        return s == null ? null : s.replace(" ", "");
    }
}
