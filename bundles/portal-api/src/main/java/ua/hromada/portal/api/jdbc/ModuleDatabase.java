package ua.hromada.portal.api.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;

import ua.hromada.portal.api.SchemaMigrations;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;

/**
 * A module's own schema on the portal's DataSource, the base of the module's database component:
 * migrated once when the component is made, so the components that reference it never run against
 * an old schema; then plain JDBC work through {@link Transactions}, failures naming the module.
 */
public abstract class ModuleDatabase {

    private final DataSource dataSource;
    private final String module;
    /** The module's shipped data per community, when it has some ({@link #seedEachCommunity}). */
    private volatile Seeding seeding;

    private record Seeding(Communities communities, Transactions.Work<Boolean> seed, Consumer<String> seeded,
            Set<String> done) {
    }

    /**
     * Migrates {@code schema} with the bundle's scripts under {@code db/migration/<schema>}.
     *
     * @param module the module's name in error messages ("OKS database error")
     */
    protected ModuleDatabase(DataSource dataSource, SchemaMigrations migrations, Bundle bundle, String schema,
            String module) {
        migrations.migrate(bundle, schema, "db/migration/" + schema);
        this.dataSource = dataSource;
        this.module = module;
    }

    /** For tests: an already migrated database. */
    protected ModuleDatabase(DataSource dataSource, String module) {
        this.dataSource = dataSource;
        this.module = module;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** One transaction: the work's result, committed; rolled back on any failure. */
    public <T> T tx(Transactions.Work<T> work) {
        seedReady();
        return Transactions.tx(dataSource, module, work);
    }

    /** Read-only work on one connection. */
    public <T> T read(Transactions.Work<T> work) {
        seedReady();
        return Transactions.read(dataSource, module, work);
    }

    /**
     * Gives each community the module's shipped data once (a catalogue, layer definitions): before a
     * community's first unit of work here, {@code seed} runs in a transaction of its own and answers
     * whether it wrote anything (it writes only where the community has none); {@code seeded} is then
     * told the community's id, e.g. to log it. Checked once per community while this component lives.
     */
    protected final void seedEachCommunity(Communities communities, Transactions.Work<Boolean> seed,
            Consumer<String> seeded) {
        this.seeding = new Seeding(communities, seed, seeded, ConcurrentHashMap.newKeySet());
    }

    /**
     * At start: seeds every community known now ({@link #seedEachCommunity}). A community whose seed
     * fails is given to {@code failed} and tried again at its first unit of work.
     */
    protected final void seedEveryCommunityNow(BiConsumer<String, RuntimeException> failed) {
        Seeding s = seeding;
        if (s == null) {
            return;
        }
        for (Community community : s.communities().all()) {
            try {
                s.communities().runAs(community.id(), this::seedReady);
            } catch (RuntimeException e) {
                failed.accept(community.id(), e);
            }
        }
    }

    private void seedReady() {
        Seeding s = seeding;
        if (s == null) {
            return;
        }
        String id = s.communities().current().id();
        if (s.done().contains(id)) {
            return;
        }
        if (Boolean.TRUE.equals(Transactions.tx(dataSource, module, s.seed()))) {
            s.seeded().accept(id);
        }
        s.done().add(id);
    }
}
