package ua.hromada.portal.testing;

import javax.sql.DataSource;

/**
 * What every module's test set-up holds under its services: the module's throw-away database, the
 * communities of the test (the default one unless the test adds others) and a clock the test moves.
 * A module's set-up extends it with its services and users, so the way to the database and the
 * communities is the same in every module's tests:
 * {@code super(TestDatabase.prepared("oks", d -> d.migrate("oks")))}.
 */
public abstract class ModuleTestSetup implements AutoCloseable {

    private final TestDatabase db;
    private final TestCommunities communities = new TestCommunities();
    private final MutableClock clock = new MutableClock();

    protected ModuleTestSetup(TestDatabase db) {
        this.db = db;
    }

    protected TestDatabase db() {
        return db;
    }

    public MutableClock clock() {
        return clock;
    }

    /** The communities of this test: the default one, plus those the test adds. */
    public TestCommunities communities() {
        return communities;
    }

    /** The database as the portal gives it to modules: the community of the running thread, through RLS. */
    public DataSource communityDataSource() {
        return db.communityDataSource(communities);
    }

    /** The schemas' owner, for set-up and for inspecting every community's rows (row-level security does not apply). */
    public DataSource dataSource() {
        return db.dataSource();
    }

    /** SQL as the owner (set-up or inspection): rows it inserts must name their community. */
    public void execute(String sql) {
        db.execute(sql);
    }

    /** Drops the database; a set-up that started services stops them first and then calls this. */
    @Override
    public void close() {
        db.close();
    }
}
