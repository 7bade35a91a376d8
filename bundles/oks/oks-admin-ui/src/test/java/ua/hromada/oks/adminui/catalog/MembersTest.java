package ua.hromada.oks.adminui.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MembersTest {

    @Test
    void keepsOrderAndEachUserOnce() {
        Members m = new Members(List.of("petrenko", "Petrenko", "ivanova"));
        assertEquals(List.of("petrenko", "ivanova"), m.list());
        assertFalse(m.add("IVANOVA"), "usernames compare without case");
        assertFalse(m.add("  "));
        assertTrue(m.add(" koval "));
        assertEquals(List.of("petrenko", "ivanova", "koval"), m.list());
        assertTrue(m.remove("PETRENKO"));
        assertFalse(m.remove("nobody"));
        assertEquals(List.of("ivanova", "koval"), m.list());
    }
}
