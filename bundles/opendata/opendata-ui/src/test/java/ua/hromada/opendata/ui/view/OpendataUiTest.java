package ua.hromada.opendata.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.portal.api.PortalUser;

class OpendataUiTest {

    private static PortalUser user(String... permissions) {
        return new PortalUser(1, "u", "U", Set.of(), Set.of(permissions));
    }

    @Test
    void readingViewsOpenToEachRoleOfTheModuleOnly() {
        for (String p : new String[] {OpendataPermissions.VIEW, OpendataPermissions.EDIT, OpendataPermissions.AUDIT}) {
            assertTrue(user(p).hasPermission(OpendataUi.READ_PERMISSION), p);
            assertTrue(OpendataPermissions.canRead(user(p)), p);
        }
        assertFalse(user("oks.view").hasPermission(OpendataUi.READ_PERMISSION));
        assertFalse(OpendataPermissions.canRead(null));
        assertTrue(OpendataPermissions.canRead(user(PortalUser.ADMIN_PERMISSION)));
    }

    @Test
    void changesNeedTheirOwnRight() {
        assertFalse(OpendataPermissions.canEdit(user(OpendataPermissions.VIEW, OpendataPermissions.AUDIT)));
        assertTrue(OpendataPermissions.canEdit(user(OpendataPermissions.EDIT)));
        assertFalse(OpendataPermissions.canAudit(user(OpendataPermissions.VIEW, OpendataPermissions.EDIT)));
        assertTrue(OpendataPermissions.canAudit(user(OpendataPermissions.AUDIT)));
    }

    @Test
    void routeIdsArePositiveNumbersOnly() {
        assertEquals(Optional.of(12L), OpendataUi.parseId(" 12 "));
        assertEquals(Optional.empty(), OpendataUi.parseId("new"));
        assertEquals(Optional.empty(), OpendataUi.parseId("0"));
        assertEquals(Optional.empty(), OpendataUi.parseId(null));
        assertEquals(Optional.empty(), OpendataUi.parseId("99999999999999999999"));
    }

    @Test
    void sizesScoresAndCounters() {
        String units = "Б,КБ,МБ,ГБ,ТБ";
        assertEquals("", OpendataUi.size(null, units));
        assertEquals("512 Б", OpendataUi.size(512L, units));
        assertEquals("1,5 КБ", OpendataUi.size(1536L, units));
        assertEquals("2,0 МБ", OpendataUi.size(2L * 1024 * 1024, units));
        assertEquals("87,5", OpendataUi.score(87.5));
        assertEquals("—", OpendataUi.score(null));
        assertEquals("0 / 254", OpendataUi.counter(null, 254));
        assertEquals("5 / 4000", OpendataUi.counter("Набір", 4000));
    }

    @Test
    void eachComplianceStateHasItsOwnColourAndMark() {
        Set<String> colours = new HashSet<>();
        for (Compliance c : Compliance.values()) {
            assertTrue(colours.add(OpendataUi.complianceColor(c)), c.name());
        }
        assertNotEquals(OpendataUi.complianceMark(Compliance.PUBLISHED), OpendataUi.complianceMark(Compliance.MISSING));
        assertEquals("#2e7d32", OpendataUi.scoreColor(80));
        assertEquals("#c62828", OpendataUi.scoreColor(49.9));
    }
}
