package ua.hromada.portal.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import javax.persistence.Persistence;

import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import ua.hromada.portal.api.jdbc.CommunityDataSource;
import ua.hromada.portal.api.jdbc.CommunityTables;

/**
 * A throw-away database on the real PostgreSQL (127.0.0.1:5432, user postgres, trust auth;
 * override with HROMADA_TEST_PGHOST / HROMADA_TEST_PGPORT / HROMADA_TEST_PGUSER), dropped on close.
 * Shared by the bundles' tests (test scope); each test class creates its own.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String HOST = env("HROMADA_TEST_PGHOST", "127.0.0.1");
    private static final int PORT = Integer.parseInt(env("HROMADA_TEST_PGPORT", "5432"));
    private static final String USER = env("HROMADA_TEST_PGUSER", "postgres");

    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

    private final String name;
    private final PGSimpleDataSource dataSource;
    private String persistenceUnit;
    private EntityManagerFactory emf;
    private ResourceLocalJpaTemplate jpa;
    private HikariDataSource pool;

    private TestDatabase(String name) {
        this.name = name;
        this.dataSource = dataSource(name);
    }

    public static TestDatabase create() {
        String name = newName();
        admin("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    /**
     * A database prepared as {@code prepare} does (PostGIS, migrations, grants), copied from a
     * template this test JVM prepared once for {@code key}: PostgreSQL copies a database in a
     * fraction of the time that creating PostGIS and migrating again for every test takes. The
     * template is dropped when the JVM ends. {@code prepare} must leave no connection open (a
     * template in use cannot be copied). The templates are kept per JVM (a static map) because the
     * tests that share one are separate instances of separate classes.
     */
    public static TestDatabase prepared(String key, Consumer<TestDatabase> prepare) {
        String template = TEMPLATES.computeIfAbsent(key, k -> {
            TestDatabase t = create();
            try {
                prepare.accept(t);
            } catch (RuntimeException e) {
                t.close();
                throw e;
            }
            t.closePool();
            Runtime.getRuntime().addShutdownHook(new Thread(t::close, "drop test template " + t.name));
            return t.name;
        });
        String name = newName();
        admin("CREATE DATABASE " + name + " TEMPLATE " + template);
        return new TestDatabase(name);
    }

    private static String newName() {
        return "hromada_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Names the production persistence unit {@link #jpa()} opens over this database. */
    public TestDatabase persistenceUnit(String unitName) {
        this.persistenceUnit = unitName;
        return this;
    }

    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    public String name() {
        return name;
    }

    /** The persistence unit set with {@link #persistenceUnit}, switched to resource-local transactions over this DB. */
    public synchronized ResourceLocalJpaTemplate jpa() {
        if (persistenceUnit == null) {
            throw new IllegalStateException("call persistenceUnit(name) first");
        }
        if (jpa == null) {
            Map<String, Object> props = new HashMap<>();
            props.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
            props.put("javax.persistence.jtaDataSource", null);
            props.put("javax.persistence.nonJtaDataSource", dataSource);
            props.put("eclipselink.logging.level", "WARNING");
            emf = Persistence.createEntityManagerFactory(persistenceUnit, props);
            jpa = new ResourceLocalJpaTemplate(emf);
        }
        return jpa;
    }

    /**
     * This database as the portal's community DataSource gives it to modules: connections as the
     * application role, bound to the community, so row-level security applies as in production.
     */
    public DataSource communityDataSource(String community) {
        return new CommunityDataSource(pool(), () -> community);
    }

    /**
     * The database as the portal gives it to a module: each connection as the application role,
     * in the community current when it is taken (as the portal's community DataSource does).
     */
    public DataSource communityDataSource(ua.hromada.portal.api.community.Communities communities) {
        return new CommunityDataSource(pool(), () -> communities.current().id());
    }

    /**
     * The connections the community DataSources hand to modules come from a pool, as in the portal
     * (pax-jdbc's HikariCP under CommunityDataSource, which resets role and community on close): a
     * new PostgreSQL connection costs 20-40 ms here, and the modules' tests take thousands. Made
     * when first asked; closed with the database, and by {@link #prepared} before a template is copied.
     */
    private synchronized DataSource pool() {
        if (pool == null) {
            // every borrow is checked (a round trip, not a new connection): a test that ends the
            // backends on purpose, as a restart does, is never handed a dead one
            System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
            HikariConfig config = new HikariConfig();
            config.setDataSource(dataSource);
            config.setPoolName("test-" + name);
            config.setMaximumPoolSize(10);
            config.setMinimumIdle(0);
            config.setIdleTimeout(10_000);
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    private synchronized void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    /**
     * Migrates module schema {@code schema} from {@code classpath:db/migration/<schema>} with Flyway,
     * as the portal's SchemaMigrations service does in Karaf, then secures it ({@link #isolate}).
     */
    public TestDatabase migrate(String schema) {
        Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration/" + schema).load().migrate();
        return isolate(schema);
    }

    /** Secures a migrated module schema as the portal does after its migrations (row-level security, grants). */
    public TestDatabase isolate(String schema) {
        try (Connection c = dataSource.getConnection()) {
            CommunityTables.isolate(c, schema);
        } catch (SQLException e) {
            throw new IllegalStateException("securing schema " + schema, e);
        }
        return this;
    }

    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (emf != null) {
            emf.close();
        }
        closePool();
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " is needed for this test: " + sql, e);
        }
    }

    private static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {PORT});
        ds.setUser(USER);
        ds.setDatabaseName(database);
        return ds;
    }

    private static String env(String key, String def) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? def : v;
    }
}
