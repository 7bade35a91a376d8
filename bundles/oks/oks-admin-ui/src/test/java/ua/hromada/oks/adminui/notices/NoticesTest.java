package ua.hromada.oks.adminui.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.adminui.OksAdminUiMessages;
import ua.hromada.oks.api.MailNotices;

/** The organisation form promises notices only while they go out; the dashboard explains every other state. */
class NoticesTest {

    @Test
    void noServiceMeansNoNotices() {
        assertEquals(Notices.NOT_RUNNING, Notices.of(null));
        assertEquals(Notices.DISABLED, Notices.of(() -> MailNotices.State.DISABLED));
        assertEquals(Notices.INCOMPLETE, Notices.of(() -> MailNotices.State.INCOMPLETE));
        assertEquals(Notices.ON, Notices.of(() -> MailNotices.State.ON));
    }

    @Test
    void theFormPromisesNoticesOnlyWhenTheyGoOut() {
        OksAdminUiMessages messages = new OksAdminUiMessages();
        Locale uk = Locale.forLanguageTag("uk");
        assertEquals("Сюди надходять повідомлення про нові порушення",
                messages.message(Notices.ON.emailHelpKey(), uk).orElseThrow());
        for (Notices off : new Notices[] {Notices.DISABLED, Notices.INCOMPLETE, Notices.NOT_RUNNING}) {
            assertTrue(messages.message(off.emailHelpKey(), uk).orElseThrow().contains("вимкнено"), off.name());
            assertTrue(messages.message(off.messageKey(), uk).orElseThrow().contains("не "), off.name());
            assertTrue(messages.message(off.messageKey(), Locale.ENGLISH).orElseThrow().contains("not"), off.name());
        }
    }
}
