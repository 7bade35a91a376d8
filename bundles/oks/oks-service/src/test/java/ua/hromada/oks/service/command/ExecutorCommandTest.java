package ua.hromada.oks.service.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.service.OksTestSetup;

/** oks:executor provisions the organisation in the community it names, the default one otherwise. */
class ExecutorCommandTest {
    @AutoClose
    private final OksTestSetup oks = new OksTestSetup();

    private ExecutorCommand command(String community, String name, String... members) {
        ExecutorCommand c = new ExecutorCommand();
        c.catalog = oks.catalog();
        c.communities = oks.communities();
        c.community = community;
        c.name = name;
        c.email = "zhkg@example.org";
        c.members = List.of(members);
        return c;
    }

    private List<String> names() {
        return oks.catalog().executors(true).stream().map(ExecutorOrganisation::name).toList();
    }

    @Test
    void theOrganisationGoesIntoTheNamedCommunity() {
        oks.communities().add("reshetylivka");
        command("reshetylivka", "КП «Решетилівське ЖКГ»", "petro").execute();
        command("reshetylivka", "КП «Решетилівське ЖКГ»", "olena").execute();
        List<ExecutorOrganisation> own = oks.communities().callAs("reshetylivka", () -> oks.catalog().executors(true));
        assertEquals(1, own.size());
        assertEquals(List.of("olena", "petro"), own.get(0).members());
        assertTrue(!names().contains("КП «Решетилівське ЖКГ»"), "not in the default community");

        command(null, "КП «Полтававодоканал»").execute();
        assertTrue(names().contains("КП «Полтававодоканал»"));
        command("no-such", "КП «Нікуди»").execute();
        assertTrue(oks.communities().all().stream().noneMatch(c -> oks.communities().callAs(c.id(),
                () -> oks.catalog().executors(true)).stream().anyMatch(o -> o.name().equals("КП «Нікуди»"))));
    }
}
