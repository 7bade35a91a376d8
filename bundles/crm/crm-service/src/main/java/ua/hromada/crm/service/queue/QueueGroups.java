package ua.hromada.crm.service.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.QueueGroup;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The queue's groups: one per distinct queue group of the active cards, each given the next free
 * letter when first seen. Letters that look like digits (З, О, І) and the rarely read ones are left
 * out, so a number on the display cannot be misread.
 */
final class QueueGroups {
    static final String LETTERS = "АБВГДЕЖИКЛМНПРСТУФХЦЧШЮЯ";

    private QueueGroups() {
    }

    /** Gives the cards' new groups their letters; the groups of the community with their letters. */
    static List<QueueGroup> sync(Connection c) throws SQLException {
        List<String> unseen = Statements.list(c, "SELECT DISTINCT s.queue_group FROM crm.service_card s"
                + " WHERE s.active AND s.queue_group <> ''"
                + " AND NOT EXISTS (SELECT 1 FROM crm.queue_group g WHERE g.name = s.queue_group) ORDER BY 1",
                rs -> rs.getString(1));
        if (!unseen.isEmpty()) {
            // two desks meeting a new group at once must not give two groups one letter
            try (PreparedStatement lock = c.prepareStatement("LOCK TABLE crm.queue_group IN SHARE ROW EXCLUSIVE MODE")) {
                lock.execute();
            }
            Set<String> taken = new HashSet<>(Statements.list(c, "SELECT letter FROM crm.queue_group",
                    rs -> rs.getString(1)));
            Set<String> named = new HashSet<>(Statements.list(c, "SELECT name FROM crm.queue_group",
                    rs -> rs.getString(1)));
            for (String name : unseen) {
                if (named.contains(name)) {
                    continue;
                }
                String letter = LETTERS.chars().mapToObj(ch -> String.valueOf((char) ch))
                        .filter(l -> !taken.contains(l)).findFirst()
                        .orElseThrow(() -> new CrmException(Reason.CONFLICT, "crm.queue.error.letters",
                                LETTERS.length()));
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO crm.queue_group (name, letter) VALUES (?, ?)")) {
                    ps.setString(1, name);
                    ps.setString(2, letter);
                    ps.executeUpdate();
                }
                taken.add(letter);
            }
        }
        return Statements.list(c, "SELECT g.id, g.name, g.letter FROM crm.queue_group g"
                + " WHERE EXISTS (SELECT 1 FROM crm.service_card s WHERE s.active AND s.queue_group = g.name)"
                + " ORDER BY g.id", rs -> new QueueGroup(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    static Optional<QueueGroup> find(Connection c, String name) throws SQLException {
        return sync(c).stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
