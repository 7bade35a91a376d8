package ua.hromada.portal.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.Permission;

class ModulePermissionSetTest {

    @Test
    void labelsEachPermissionByItsModulesKey() {
        var set = new ModulePermissionSet("oks", "oks.view", "oks.admin") {
        };

        assertEquals("oks", set.module());
        assertEquals(List.of(new Permission("oks.view", "oks.permission.view"),
                new Permission("oks.admin", "oks.permission.admin")), set.permissions());
    }

    @Test
    void refusesAPermissionOfAnotherModule() {
        assertThrows(IllegalArgumentException.class, () -> new ModulePermissionSet("oks", "opendata.view") {
        });
        assertThrows(IllegalArgumentException.class, () -> new ModulePermissionSet("oks", "oks.") {
        });
    }
}
