package ua.hromada.portal.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jdbc.CommunityData;
import ua.hromada.portal.testing.CommunityIsolationCheck;
import ua.hromada.portal.testing.TestDatabase;

/**
 * The community DataSource the portal registers: found by {@link CommunityData#TARGET}, its
 * connections run as the application role with the community of the running work, so a module's
 * isolated schema shows each community its own rows only.
 */
class CommunityDataSourceRegistrationTest {

    private static OsgiFramework osgi;
    private static TestDatabase db;
    private static CommunitiesImpl communities;
    private static CommunityDataSourceRegistration registration;

    @BeforeAll
    static void start() throws Exception {
        osgi = new OsgiFramework();
        db = TestDatabase.create();
        // a module schema as its migrations leave it, isolated as SchemaMigrations does after them
        db.execute("create schema items");
        db.execute("create table items.item (id serial primary key, name text not null,"
                + " community text not null default 'default', unique (community, name))");
        db.isolate("items");
        communities = new CommunitiesImpl(osgi.configurations(), osgi.etc());
        communities.save(new Community("poltava", List.of("poltava.portal.example"), Set.of(), Map.of()));
        communities.save(new Community("hadiach", List.of("hadiach.portal.example"), Set.of(), Map.of()));
        registration = new CommunityDataSourceRegistration(db.dataSource(), communities, osgi.context());
    }

    @AfterAll
    static void stop() throws Exception {
        if (registration != null) {
            registration.deactivate();
        }
        db.close();
        osgi.close();
    }

    private static DataSource registered() throws Exception {
        Collection<ServiceReference<DataSource>> found = osgi.context().getServiceReferences(DataSource.class,
                CommunityData.TARGET);
        assertEquals(1, found.size(), "one community DataSource");
        return osgi.context().getService(found.iterator().next());
    }

    private static String one(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void add(DataSource dataSource, String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("insert into items.item (name) values (?)")) {
            p.setString(1, name);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(name, e);
        }
    }

    @Test
    void connectionsRunAsTheApplicationRoleWithTheCurrentCommunity() throws Exception {
        DataSource dataSource = registered();
        assertEquals(CommunityData.APP_ROLE, communities.callAs("poltava", () -> one(dataSource, "select current_user")));
        assertEquals("poltava", communities.callAs("poltava",
                () -> one(dataSource, "select current_setting('" + CommunityData.SETTING + "')")));
        assertEquals("default", one(dataSource, "select current_setting('" + CommunityData.SETTING + "')"));
        // the pool's connection goes back as the owner's, with no community left on it
        assertEquals("postgres", one(db.dataSource(), "select current_user"));
    }

    @Test
    void eachCommunitySeesAndWritesItsOwnRowsOnly() throws Exception {
        DataSource dataSource = registered();
        communities.runAs("poltava", () -> add(dataSource, "bench"));
        communities.runAs("hadiach", () -> add(dataSource, "bench"));
        communities.runAs("hadiach", () -> add(dataSource, "lamp"));
        assertEquals("1", communities.callAs("poltava", () -> one(dataSource, "select count(*) from items.item")));
        assertEquals("2", communities.callAs("hadiach", () -> one(dataSource, "select count(*) from items.item")));
        assertEquals("poltava", communities.callAs("poltava", () -> one(dataSource, "select community from items.item")));
        assertEquals("3", one(db.dataSource(), "select count(*) from items.item"));
        // the same name again is refused within a community only
        assertThrows(IllegalStateException.class, () -> communities.runAs("poltava", () -> add(dataSource, "bench")));
        CommunityIsolationCheck.assertIsolated(db.dataSource(), "items", "poltava", "hadiach");
    }
}
