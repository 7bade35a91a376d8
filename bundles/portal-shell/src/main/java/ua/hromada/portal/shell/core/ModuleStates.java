package ua.hromada.portal.shell.core;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.InstalledModules.ModuleException;
import ua.hromada.portal.api.cluster.ChangeFeed;

/**
 * What the administrator wants of each module ({@code portal.module_state}) and the module files
 * uploaded in the Modules page ({@code portal.module_file}), shared by every node of the database.
 * A change is recorded and published on the change feed (topic {@value #TOPIC}, key the module's
 * key) in one transaction with this node's own change of the module: a change that fails here is
 * not recorded, and the other nodes hear of one that is once it commits ({@link ModuleFollower}).
 */
@Component(service = ModuleStates.class)
public class ModuleStates {

    /** The change feed's topic of module changes. */
    public static final String TOPIC = "portal.module";

    /** What the administrator wants of a module. */
    enum Wanted {
        STARTED, STOPPED, UNINSTALLED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An uploaded file as every node keeps it. */
    record Upload(String fileName, Set<String> keys, String checksum) {
    }

    private final DataSource dataSource;
    private final ChangeFeed feed;

    /**
     * @param dataSource the schemas' owner: module state is the portal's, not a community's (the
     *        change feed is registered once the core schema is migrated)
     */
    @Activate
    public ModuleStates(@Reference(target = "(dataSourceName=hromada)") DataSource dataSource, @Reference ChangeFeed feed) {
        this.dataSource = dataSource;
        this.feed = feed;
    }

    /**
     * Records {@code wanted} for the module and runs this node's change inside the same transaction:
     * nothing is recorded when the change throws. Uninstalling also forgets the files carrying the
     * module, so no node installs them again.
     */
    <T> T change(String key, Wanted wanted, Supplier<T> local) {
        return inTransaction(c -> {
            want(c, key, wanted);
            if (wanted == Wanted.UNINSTALLED) {
                try (PreparedStatement delete = c.prepareStatement(
                        "delete from portal.module_file where ? = any(module_keys)")) {
                    delete.setString(1, key);
                    delete.executeUpdate();
                }
            }
            feed.publish(c, TOPIC, key);
        }, local);
    }

    /** Records an uploaded file (replacing one of the same name) and its modules as started, then installs it here. */
    <T> T upload(String fileName, byte[] content, Set<String> keys, Supplier<T> local) {
        return inTransaction(c -> {
            try (PreparedStatement put = c.prepareStatement("insert into portal.module_file (file_name, module_keys, "
                    + "checksum, content, node) values (?, ?, ?, ?, ?) on conflict (file_name) do update set "
                    + "module_keys = excluded.module_keys, checksum = excluded.checksum, content = excluded.content, "
                    + "node = excluded.node, at = now()")) {
                put.setString(1, fileName);
                put.setArray(2, c.createArrayOf("varchar", keys.toArray()));
                put.setString(3, ModuleFiles.sha256(content));
                put.setBytes(4, content);
                put.setString(5, feed.node());
                put.executeUpdate();
            }
            for (String key : keys) {
                want(c, key, Wanted.STARTED);
                feed.publish(c, TOPIC, key);
            }
        }, local);
    }

    /** What the administrator wants of the module; empty when it was never changed in the Modules page. */
    Optional<Wanted> wanted(String key) {
        return read(c -> {
            try (PreparedStatement q = c.prepareStatement("select wanted from portal.module_state where module_key = ?")) {
                q.setString(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(Wanted.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Every module changed in the Modules page, for a node's catch-up at start. */
    List<String> keys() {
        return read(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select module_key from portal.module_state order by at, module_key");
                    ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }

    /** The uploaded files carrying the module, oldest first (an upgrade's KAR after the release it replaces). */
    List<Upload> uploadsOf(String key) {
        return read(c -> {
            List<Upload> uploads = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("select file_name, module_keys, checksum from portal.module_file "
                    + "where ? = any(module_keys) order by at, file_name")) {
                q.setString(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Array keys = rs.getArray(2);
                        uploads.add(new Upload(rs.getString(1), Set.of((String[]) keys.getArray()), rs.getString(3)));
                    }
                }
            }
            return uploads;
        });
    }

    /** An uploaded file's bytes; empty when it is gone meanwhile (its module uninstalled). */
    Optional<byte[]> content(String fileName, String checksum) {
        return read(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "select content from portal.module_file where file_name = ? and checksum = ?")) {
                q.setString(1, fileName);
                q.setString(2, checksum);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    private void want(Connection c, String key, Wanted wanted) throws SQLException {
        try (PreparedStatement put = c.prepareStatement("insert into portal.module_state (module_key, wanted, node) "
                + "values (?, ?, ?) on conflict (module_key) do update set wanted = excluded.wanted, "
                + "node = excluded.node, at = now()")) {
            put.setString(1, key);
            put.setString(2, wanted.column());
            put.setString(3, feed.node());
            put.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Write {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * The record first (its row lock makes two nodes' changes of one module wait for each other),
     * then this node's change, then the commit.
     */
    private <T> T inTransaction(Write record, Supplier<T> local) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                record.run(c);
                T result = local.get();
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ModuleException("modules.error.shared", Errors.rootMessage(e), e);
        }
    }

    private <T> T read(Read<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("portal.module_state: " + e.getMessage(), e);
        }
    }
}
