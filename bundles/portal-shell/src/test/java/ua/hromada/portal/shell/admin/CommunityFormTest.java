package ua.hromada.portal.shell.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.community.CommunityAdministration;
import ua.hromada.portal.shell.admin.CommunityForm.Field;
import ua.hromada.portal.shell.admin.CommunityForm.Values;
import ua.hromada.portal.shell.core.ShellMessages;
import ua.hromada.portal.testing.TestCommunities;

/** The communities page's logic: what a filled-in form saves, and where a refusal is shown. */
class CommunityFormTest {

    private static final Set<String> INSTALLED = Set.of("oks", "docsearch", "opendata");

    private final TestCommunities communities = new TestCommunities();
    /** Saving as the page does, into the communities the portal then serves. */
    private final CommunityAdministration administration = c -> {
        communities.add(c);
        return c;
    };

    @Test
    void aNewCommunityIsSavedWithItsHostsModulesNameLogoAndCentre() {
        Values entered = new Values(" reshetylivka ", "Решетилівська міська рада", "Reshetylivka City Council",
                "Reshetylivka.portal.example\n\n  reshetylivka.gov.ua \r\nreshetylivka.portal.example", false,
                Set.of("docsearch", "opendata"), "reshetylivka.svg", "49.5616, 34.1069");
        Community saved = administration.save(CommunityForm.toCommunity(entered, Optional.empty(), INSTALLED, communities));
        assertEquals("reshetylivka", saved.id());
        assertEquals(List.of("reshetylivka.portal.example", "reshetylivka.gov.ua"), saved.hosts());
        assertEquals(Set.of("docsearch", "opendata"), saved.modules());
        assertFalse(saved.moduleEnabled("oks"));
        assertEquals("Решетилівська міська рада", saved.name());
        assertEquals(Map.of("ua.hromada.portal/community.name", "Решетилівська міська рада",
                "ua.hromada.portal/community.name.en", "Reshetylivka City Council",
                "ua.hromada.portal/community.logo", "reshetylivka.svg",
                "ua.hromada.portal.map/center.lat", "49.5616",
                "ua.hromada.portal.map/center.lon", "34.1069"), saved.settings());
        assertEquals(saved, communities.forHost("reshetylivka.gov.ua"));
        // and the form shows it back as it was entered
        Values shown = CommunityForm.of(saved);
        assertEquals("reshetylivka.portal.example\nreshetylivka.gov.ua", shown.hosts());
        assertEquals("49.5616, 34.1069", shown.centre());
        assertFalse(shown.allModules());
        assertEquals(Set.of("docsearch", "opendata"), shown.modules());
    }

    @Test
    void editingKeepsTheIdOtherSettingsAndModulesNotInstalledNow() {
        Community before = new Community("poltava", List.of("poltava.portal.example"), Set.of("oks", "phonebook"),
                Map.of("ua.hromada.portal/community.name", "Полтавська міська рада",
                        "ua.hromada.oks.open311/jurisdiction_id", "poltava.gov.ua",
                        "ua.hromada.portal.map/center.lat", "49.5883", "ua.hromada.portal.map/center.lon", "34.5514"));
        communities.add(before);
        Values form = CommunityForm.of(before);
        Values changed = new Values("someone-else", "", form.nameEn(), form.hosts(), false, Set.of("docsearch"),
                form.logo(), "");
        Community saved = CommunityForm.toCommunity(changed, Optional.of(before), INSTALLED, communities);
        assertEquals("poltava", saved.id(), "the id is fixed after creation");
        assertEquals(Set.of("docsearch", "phonebook"), saved.modules(),
                "oks unchecked; phonebook, not installed now, kept");
        assertEquals(Map.of("ua.hromada.oks.open311/jurisdiction_id", "poltava.gov.ua"), saved.settings(),
                "emptied inputs give the shared value back; other modules' keys stay");
        assertEquals("poltava", saved.name(), "no name of its own: its id, until one is given");
    }

    @Test
    void everyModuleIsTheEmptySetAndNoneCheckedIsRefused() {
        Community all = CommunityForm.toCommunity(new Values("a1", "", "", "a.example", true, Set.of("oks"), "", ""),
                Optional.empty(), INSTALLED, communities);
        assertTrue(all.modules().isEmpty());
        assertTrue(all.moduleEnabled("a-module-installed-later"));
        PortalException none = assertThrows(PortalException.class, () -> CommunityForm.toCommunity(
                new Values("a2", "", "", "b.example", false, Set.of(), "", ""), Optional.empty(), INSTALLED, communities));
        assertEquals("admin.communities.modules.none", none.messageKey());
        assertEquals(Field.MODULES, CommunityForm.fieldOf(none));
    }

    @Test
    void aNewCommunityNeverReplacesOneWithTheSameId() {
        communities.add("poltava", "poltava.portal.example");
        PortalException taken = assertThrows(PortalException.class, () -> CommunityForm.toCommunity(
                new Values("poltava", "Інша", "", "other.example", true, Set.of(), "", ""), Optional.empty(),
                INSTALLED, communities));
        assertEquals(Reason.CONFLICT, taken.reason());
        assertEquals(Field.ID, CommunityForm.fieldOf(taken));
        assertEquals(List.of("poltava.portal.example"), communities.find("poltava").orElseThrow().hosts(), "untouched");
    }

    @Test
    void theCentreIsTwoNumbersInRange() {
        assertArrayEquals(new String[] { "49.5", "34.1" }, CommunityForm.centre("49.5,34.1"));
        assertArrayEquals(new String[] { "49.5", "34.1" }, CommunityForm.centre(" 49.5  34.1 "));
        assertArrayEquals(new String[] { "-33.9", "151.2" }, CommunityForm.centre("-33.9; 151.2"));
        assertArrayEquals(new String[] { "", "" }, CommunityForm.centre("  "));
        for (String wrong : List.of("49.5", "91, 34", "49, 181", "Полтава", "49.5, 34.1, 3", "NaN, 1", "49,5 34,1")) {
            PortalException e = assertThrows(PortalException.class, () -> CommunityForm.centre(wrong), wrong);
            assertEquals("admin.communities.centre.invalid", e.messageKey());
            assertEquals(Field.CENTRE, CommunityForm.fieldOf(e));
        }
    }

    /** The service's refusals (portal-community's keys) go to the input they are about. */
    @Test
    void theServicesRefusalsAreShownAtTheirInput() {
        assertEquals(Field.ID, CommunityForm.fieldOf(new PortalException(Reason.INVALID, "portal.community.id.invalid", "Полтава")));
        assertEquals(Field.HOSTS, CommunityForm.fieldOf(new PortalException(Reason.INVALID, "portal.community.host.invalid", "x y")));
        assertEquals(Field.HOSTS, CommunityForm.fieldOf(new PortalException(Reason.CONFLICT, "portal.community.host.taken", "a", "b")));
        assertEquals(Field.MODULES, CommunityForm.fieldOf(new PortalException(Reason.INVALID, "portal.community.module.invalid", "OKS")));
        assertEquals(Field.NAME, CommunityForm.fieldOf(new PortalException(Reason.INVALID, "portal.community.setting.value",
                "ua.hromada.portal/community.name", 200)));
        assertEquals(Field.LOGO, CommunityForm.fieldOf(new PortalException(Reason.INVALID, "portal.community.setting.value",
                "ua.hromada.portal/community.logo", 200)));
        assertEquals(Field.CENTRE, CommunityForm.fieldOf(new PortalException(Reason.INVALID, "portal.community.setting.value",
                "ua.hromada.portal.map/center.lon", 200)));
        assertEquals(Field.NONE, CommunityForm.fieldOf(new PortalException(Reason.CONFLICT, "portal.community.notSaved", "a", "disk full")));
    }

    @Test
    void theFormsOwnMessagesAreInUkrainianAndEnglish() {
        ShellMessages messages = new ShellMessages();
        assertEquals("«49» — не центр мапи: потрібні широта (від −90 до 90) і довгота (від −180 до 180) через кому.",
                messages.getTranslation("admin.communities.centre.invalid", ShellMessages.UKRAINIAN, "49"));
        assertEquals("Community poltava saved.",
                messages.getTranslation("admin.communities.saved", java.util.Locale.ENGLISH, "poltava"));
        assertEquals("Громади", messages.getTranslation("admin.communities.title", ShellMessages.UKRAINIAN));
    }
}
