package ua.hromada.oks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.DocumentDetails;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.NewViolation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.TransitionRequest;
import ua.hromada.oks.api.Urgency;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violator;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.jdbc.CommunityDataSource;
import ua.hromada.portal.testing.CommunityIsolationCheck;

/**
 * Regional hosting (issue 18): the OKS services bound to community "a" write into every table of
 * schema oks; community "b", through the same services, sees none of it, and PostgreSQL's
 * row-level security refuses every read and write across (checked table by table from the catalog).
 * Each community has its own catalogue, so "b" may use a's type codes, organisation names and
 * action codes.
 */
class OksCommunityIsolationTest {
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();

    @Test
    void everyTableOfCommunityAIsHiddenFromCommunityB() throws Exception {
        oks.communities().add("a", "a.portal.example").add("b", "b.portal.example");
        // the activation's seeding: a community known at start gets the shipped catalogue then
        oks.database().catalogueOfEveryCommunity();
        assertEquals(List.of(5L, (long) ShippedCatalogue.ACTIONS.size()), shipped("a"));
        assertEquals(List.of(5L, (long) ShippedCatalogue.ACTIONS.size()), shipped("b"));

        CompletableFuture<String> toldAs = new CompletableFuture<>();
        oks.addListener((v, entry) -> toldAs.complete(oks.communities().current().id()));
        Violation inA = oks.communities().callAs("a", () -> {
            ViolationType potholes = oks.catalog().saveType(oks.admin,
                    new ViolationType(0, "potholes", "Ями на дорогах", null, true));
            ExecutorOrganisation roads = oks.catalog().saveExecutor(oks.admin,
                    new ExecutorOrganisation(0, "Дорожня служба", "roads-a@example.org", null, true, List.of("executor")));
            WorkflowAction sent = action(ActionKind.SENT);
            oks.catalog().saveAction(oks.admin, new WorkflowAction(sent.kind(), 42, "Передано дорожникам",
                    sent.group(), sent.responsible(), sent.version()));
            Violation v = oks.violations().register(oks.inspector, new NewViolation(potholes.id(), "Яма біля зупинки",
                    "вул. Соборності, 5", OksTestSetup.LAT, OksTestSetup.LON, Urgency.NORMAL, null, null,
                    List.of(OksTestSetup.png("yama.png", 40, 30))));
            // the sending produces a warning in a's catalogue: the register's tables get a's rows
            DocumentTestSetup.produces(oks, ActionKind.SENT.name(), ViolationDocuments.Kind.WARNING);
            Violation sentCase = oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.SENT,
                    "Терміново", roads.id(), oks.today().plusDays(5), List.of()));
            DocumentRegister register = DocumentTestSetup.register(oks);
            long article = register.articles(false).get(0).id();
            register.issue(oks.inspector, v.id(), register.awaiting(oks.inspector, v.id()).get(0).journalEntryId(),
                    new DocumentDetails(new Violator(Violator.Kind.PERSON, "Шевченко Тарас Григорович", null, "3112001232",
                            "м. Полтава"), article, null, null));
            register.saveTemplate(oks.admin, register.template(ViolationDocuments.Kind.WARNING));
            return sentCase;
        });
        assertEquals("a", toldAs.get(10, TimeUnit.SECONDS), "listeners are told in the community of the step");

        CommunityIsolationCheck.assertIsolated(oks.dataSource(), "oks", "a", "b");

        oks.communities().runAs("b", () -> {
            var violations = oks.violations();
            assertEquals(List.of(), violations.search(oks.viewer, ViolationQuery.current()));
            assertEquals(0, violations.count(oks.viewer, ViolationQuery.current()));
            assertEquals(List.of(), violations.searchPublic(ViolationQuery.current()));
            assertTrue(violations.find(oks.viewer, inA.id()).isEmpty(), "a's card by its number");
            assertTrue(violations.findPublic(inA.id()).isEmpty());
            assertEquals("oks.error.notFound", assertThrows(OksException.class,
                    () -> violations.journal(oks.viewer, inA.id())).messageKey());
            assertEquals(List.of(), violations.latestEvents(oks.viewer, 10));
            long photoId = oks.communities().callAs("a", () -> oks.violations().journal(oks.viewer, inA.id()).stream()
                    .flatMap(e -> e.photos().stream()).findFirst().orElseThrow().id());
            assertTrue(violations.photo(oks.viewer, photoId, false).isEmpty(), "a's photo by its id");
            assertEquals(List.of(), new ViolationMapImpl(oks.database(), new OksSettings(1024 * 1024, 40_000_000L, 14, 1,
                    null, java.time.ZoneId.of("Europe/Kyiv"), 200)).markers(oks.viewer, ViolationQuery.current(),
                    new ua.hromada.portal.api.map.BoundingBox(49.4, 34.3, 49.8, 34.8), 12));
            assertEquals(new ua.hromada.oks.api.Violations.Summary(0, 0, 0, 0), violations.summary(oks.viewer));
            assertTrue(oks.analytics().byStatusGroup(oks.viewer).stream().allMatch(r -> r.count() == 0));
            assertEquals(0, oks.analytics().periodReport(oks.viewer, oks.today().minusDays(1), oks.today()).registered());
            assertThrows(OksException.class, () -> violations.transition(oks.inspector, inA.id(),
                    new TransitionRequest(ActionKind.ARCHIVED, null, null, null, List.of())), "b moves a's case");

            // b's own catalogue: the shipped one, with a's keys free to take
            assertTrue(oks.catalog().typeByCode("potholes").isEmpty());
            assertEquals(2, action(ActionKind.SENT).code());
            assertEquals(List.of(), oks.catalog().organisationsOf("executor"));
            ViolationType bPotholes = oks.catalog().saveType(oks.admin,
                    new ViolationType(0, "potholes", "Вибоїни", null, true));
            ExecutorOrganisation bRoads = oks.catalog().saveExecutor(oks.admin,
                    new ExecutorOrganisation(0, "Дорожня служба", "roads-b@example.org", null, true, List.of("executor")));
            WorkflowAction sent = action(ActionKind.SENT);
            oks.catalog().saveAction(oks.admin, new WorkflowAction(sent.kind(), 42, "Передано дорожникам",
                    sent.group(), sent.responsible(), sent.version()));
            Violation inB = violations.register(oks.inspector, new NewViolation(bPotholes.id(), "Яма біля школи",
                    "вул. Пушкіна, 1", OksTestSetup.LAT, OksTestSetup.LON, Urgency.NORMAL, null, null, List.of()));
            assertNotEquals(inA.id(), inB.id());
            assertEquals(List.of(inB.id()), violations.search(oks.viewer, ViolationQuery.current()).stream()
                    .map(Violation::id).toList());
            assertEquals(List.of(bRoads.id()), oks.catalog().organisationsOf("executor").stream()
                    .map(ExecutorOrganisation::id).toList());
        });

        // and a still sees only its own, with its own names
        oks.communities().runAs("a", () -> {
            assertEquals(List.of(inA.id()), oks.violations().search(oks.viewer, ViolationQuery.current()).stream()
                    .map(Violation::id).toList());
            assertEquals("Ями на дорогах", oks.catalog().typeByCode("potholes").orElseThrow().name());
            assertEquals("roads-a@example.org", oks.catalog().organisationsOf("executor").get(0).email());
            assertEquals("Передано дорожникам", inA.lastAction().name());
        });
        // the default community (OksTestSetup's organisations) is untouched by both
        assertEquals(List.of(), oks.violations().search(oks.viewer, ViolationQuery.current()));
        assertEquals(Set.of("КП «Декоративні культури»", "Відділ оперативного реагування УЖКГ"),
                Set.copyOf(oks.catalog().executors(true).stream().map(ExecutorOrganisation::name).toList()));
    }

    /**
     * PostgreSQL checks a foreign key past row-level security, so a key by id alone would let b's
     * row point at a's (and tell b which of a's ids exist, and keep a from deleting its row): every
     * reference between oks rows carries the community (V8), as the workflow action's did (V7).
     */
    @Test
    void aRowOfBNeverRefersToARowOfA() throws SQLException {
        oks.communities().add("a").add("b");
        for (String community : List.of("a", "b")) {
            oks.communities().runAs(community, () -> {
                ExecutorOrganisation roads = oks.catalog().saveExecutor(oks.admin, new ExecutorOrganisation(0,
                        "Дорожня служба", null, null, true, List.of(community.equals("a") ? "executor" : "other")));
                Violation v = oks.violations().register(oks.inspector, new NewViolation(oks.type("trees").id(),
                        "Яма", "вул. Соборності, 5", OksTestSetup.LAT, OksTestSetup.LON, Urgency.NORMAL, null, null,
                        List.of(OksTestSetup.png("yama.png", 40, 30))));
                oks.violations().transition(oks.inspector, v.id(), new TransitionRequest(ActionKind.SENT, null,
                        roads.id(), oks.today().plusDays(5), List.of()));
            });
        }
        // each reference of the schema: the referring table and column, the table referred to
        String[][] references = {
            {"executor_member", "org_id", "executor_org"},
            {"violation", "type_id", "violation_type"},
            {"violation", "executor_id", "executor_org"},
            {"violation", "last_entry_id", "journal"},
            {"journal", "violation_id", "violation"},
            {"journal", "executor_id", "executor_org"},
            {"photo", "journal_id", "journal"},
            {"photo", "violation_id", "violation"},
        };
        List<String> accepted = new ArrayList<>();
        try (Connection b = new CommunityDataSource(oks.dataSource(), () -> "b").getConnection()) {
            b.setAutoCommit(false);
            try {
                for (String[] ref : references) {
                    long ofA = newestId(ref[2], "a");
                    try (Statement s = b.createStatement()) {
                        s.execute("savepoint reference");
                        int rows = s.executeUpdate("update oks." + ref[0] + " set " + ref[1] + " = " + ofA);
                        assertTrue(rows > 0, "b has rows in oks." + ref[0]);
                        accepted.add(ref[0] + "." + ref[1] + " -> a's " + ref[2]);
                    } catch (SQLException e) {
                        assertEquals("23503", e.getSQLState(), ref[0] + "." + ref[1] + ": " + e.getMessage());
                    }
                    try (Statement s = b.createStatement()) {
                        s.execute("rollback to savepoint reference");
                    }
                }
            } finally {
                b.rollback();
            }
        }
        assertEquals(List.of(), accepted, "rows of b referring to rows of a");
    }

    @Test
    void aCommunityAddedLaterGetsTheShippedCatalogueAtItsFirstUse() throws SQLException {
        oks.communities().add("later");
        assertEquals(List.of(0L, 0L), shipped("later"));
        assertEquals(5, oks.communities().callAs("later", () -> oks.catalog().types(false)).size());
        assertEquals(List.of(5L, (long) ShippedCatalogue.ACTIONS.size()), shipped("later"));
        // an administrator's change is its own: the seeding never runs over it again
        oks.communities().runAs("later", () -> {
            ViolationType trees = oks.catalog().typeByCode("trees").orElseThrow();
            oks.catalog().saveType(oks.admin, new ViolationType(trees.id(), "trees", "Зелені насадження",
                    trees.description(), true, trees.version()));
        });
        oks.database().catalogueOfEveryCommunity();
        assertEquals("Зелені насадження",
                oks.communities().callAs("later", () -> oks.catalog().typeByCode("trees").orElseThrow().name()));
        assertEquals(List.of(5L, (long) ShippedCatalogue.ACTIONS.size()), shipped("later"));
    }

    @Test
    void aCommunitysTerritoryIsItsOwnBounds() {
        // Reshetylivka, ~35 km west of Poltava: its own bounds in its settings overlay
        oks.communities().add(new Community("reshetylivka", List.of("reshetylivka.portal.example"), Set.of(),
                Map.of(OksConfig.PID + "/bounds", "49.50,34.00,49.62,34.15")));
        oks.communities().runAs("reshetylivka", () -> {
            long trees = oks.type("trees").id();
            OksException outside = assertThrows(OksException.class, () -> oks.violations().register(oks.inspector,
                    new NewViolation(trees, "Дерево", "", OksTestSetup.LAT, OksTestSetup.LON, Urgency.NORMAL, null,
                            null, List.of())));
            assertEquals("oks.error.locationOutside", outside.messageKey());
            Violation v = oks.violations().register(oks.inspector, new NewViolation(trees, "Дерево біля ради",
                    "вул. Покровська, 1", 49.563, 34.108, Urgency.NORMAL, null, null, List.of()));
            assertEquals(1, oks.violations().count(oks.viewer, ViolationQuery.current()));
            assertEquals(v.id(), oks.violations().findPublic(v.id()).orElseThrow().id());
        });
        // the shared bounds still hold for a community without its own
        assertThrows(OksException.class, () -> oks.violations().register(oks.inspector, new NewViolation(
                oks.type("trees").id(), "Дерево", "", 49.563, 34.108, Urgency.NORMAL, null, null, List.of())));
    }

    private WorkflowAction action(ActionKind kind) {
        return oks.catalog().actions().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
    }

    /** How many violation types and workflow actions the community has (read as the owner). */
    private List<Long> shipped(String community) throws SQLException {
        try (Connection c = oks.dataSource().getConnection()) {
            return List.of(count(c, "oks.violation_type", community), count(c, "oks.workflow_action", community));
        }
    }

    /** The id of the community's newest row of an oks table (read as the owner). */
    private long newestId(String table, String community) throws SQLException {
        try (Connection c = oks.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT max(id) FROM oks." + table + " WHERE community = ?")) {
            ps.setString(1, community);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                assertTrue(id > 0, "a row of " + community + " in oks." + table);
                return id;
            }
        }
    }

    private static long count(Connection c, String table, String community) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE community = ?")) {
            ps.setString(1, community);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
