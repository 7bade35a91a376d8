package ua.hromada.eservices.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.Unit;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.jdbc.EditConflictException;

class UnitsImplTest {
    @AutoClose
    private final EservicesTestSetup setup = new EservicesTestSetup();

    @Test
    void savesAuditsAndUpdatesUnderItsVersion() {
        Unit saved = setup.units().save(setup.manager,
                Unit.create(" blag ", "Управління благоустрою", "blagoustrii", "blag@example.org", "+380 532 00-00-00"));
        assertEquals("blag", saved.code());
        assertEquals(1, setup.audit().entries().size());
        Unit renamed = setup.units().save(setup.manager, new Unit(saved.id(), "blag", "Департамент благоустрою",
                "blagoustrii", "blag@example.org", "+380 532 00-00-00", true, saved.version()));
        assertEquals(1, renamed.version());
        assertEquals("Департамент благоустрою", setup.units().find(saved.id()).orElseThrow().name());
        assertTrue(setup.audit().entries().get(1).changes().contains("Департамент благоустрою"));
        // the form loaded before the rename is outdated: nothing is saved
        assertThrows(EditConflictException.class, () -> setup.units().save(setup.manager, saved));
        assertEquals(List.of(saved.id()), setup.units().unitsOf(setup.clerk).stream().map(Unit::id).toList());
        assertEquals(List.of(), setup.units().unitsOf(setup.stranger));
    }

    @Test
    void refusesBadFieldsTakenCodesAndUsersWithoutTheRight() {
        EservicesException invalid = assertThrows(EservicesException.class, () -> setup.units().save(setup.manager,
                Unit.create("x", " ", null, "no-at-sign", "call me")));
        assertEquals(List.of("code", "name", "email", "phone").stream().sorted().toList(),
                invalid.fieldErrors().keySet().stream().sorted().toList());
        setup.units().save(setup.manager, Unit.create("cnap", "ЦНАП", null, null, null));
        EservicesException taken = assertThrows(EservicesException.class,
                () -> setup.units().save(setup.manager, Unit.create("CNAP", "Інший", null, null, null)));
        assertEquals(Reason.CONFLICT, taken.reason());
        EservicesException forbidden = assertThrows(EservicesException.class,
                () -> setup.units().save(setup.clerk, Unit.create("osvita", "Освіта", null, null, null)));
        assertEquals(Reason.FORBIDDEN, forbidden.reason());
        assertEquals(1, setup.units().all().size());
    }
}
