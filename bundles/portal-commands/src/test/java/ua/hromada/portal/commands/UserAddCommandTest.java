package ua.hromada.portal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.testing.TestCommunities;
import ua.hromada.portal.testing.BundleTexts;

class UserAddCommandTest {

    private final Texts texts = new Texts(null);

    private static UserAddCommand command(String community, TestCommunities communities) {
        UserAddCommand command = new UserAddCommand();
        command.community = community;
        command.communities = communities;
        return command;
    }

    @Test
    void withoutACommunityTheUserIsTheDefaultCommunitysAsBefore() {
        assertNull(command(null, null).refusal(texts));
        assertNull(command(null, new TestCommunities()).refusal(texts));
    }

    @Test
    void aCommunityThePortalServesIsAccepted() {
        assertNull(command("reshetylivka", new TestCommunities().add("reshetylivka", "localhost")).refusal(texts));
        assertNull(command("default", new TestCommunities()).refusal(texts));
    }

    @Test
    void anUnknownCommunityIsRefusedByNameBeforeAnythingIsAsked() {
        assertEquals(texts.get("cmd.user.unknownCommunity", "nowhere"),
                command("nowhere", new TestCommunities().add("reshetylivka")).refusal(texts));
        assertEquals(texts.get("cmd.communities.missing"), command("reshetylivka", null).refusal(texts));
    }

    @Test
    void everyTextIsInBothLanguages() throws Exception {
        Properties uk = BundleTexts.load(getClass(), "/i18n/portal-commands.properties");
        Properties en = BundleTexts.load(getClass(), "/i18n/portal-commands_en.properties");
        assertEquals(uk.keySet(), en.keySet());
    }
}
