package ua.hromada.portal.shell.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.audit.AuditChanges;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.shell.core.PortalTimes;

/** Issue 20 item 4: audit entries in the reader's language and the community's time zone. */
class AuditTextsTest {
    private final MessageBundle shell = MessageBundle.of("i18n.shell", AuditTextsTest.class.getClassLoader());
    private final PortalTimes kyiv = new PortalTimes(ZoneId.of("Europe/Kyiv"));
    private final AuditTexts uk = new AuditTexts(k -> shell.message(k, Locale.forLanguageTag("uk")), kyiv);
    private final AuditTexts en = new AuditTexts(k -> shell.message(k, Locale.ENGLISH), kyiv);

    private static AuditEntry entry(String type, String id, String action, String changes) {
        return new AuditEntry(1, Instant.parse("2026-12-03T07:27:32Z"), "anonymous", "portal", type, id, action,
                changes);
    }

    @Test
    void actionsAndKindsOfRecordsInTheReadersLanguageAndUnknownCodesAsStored() {
        AuditEntry failed = entry("user", "olena", "login.failed", null);
        assertEquals("Невдалий вхід", uk.action(failed));
        assertEquals("Sign-in failed", en.action(failed));
        assertEquals("Користувач olena", uk.entity(failed));
        AuditEntry moduleOwn = entry("act", "7", "act.reindex", null);
        assertEquals("act.reindex", uk.action(moduleOwn));
        assertEquals("act 7", uk.entity(moduleOwn));
    }

    @Test
    void changedFieldsWithLabelsValuesAndLocalTimes() {
        String lock = new AuditChanges().value("lockedUntil", Instant.parse("2026-12-03T07:27:32.788558133Z"))
                .value("failedAttempts", 5).value("reason", "softLock").text();
        assertEquals("Заблоковано до: 03.12.2026 09:27:32; Невдалих спроб: 5; Причина: забагато невдалих спроб;"
                + " пристрої, з яких уже входили, пропускаються", uk.changes(lock));
        String update = new AuditChanges().changed("displayName", "Олена", "Олена Петренко")
                .changed("enabled", true, false).changed("email", "o@rada.gov.ua", null).text();
        assertEquals("Ім’я: Олена → Олена Петренко; Активний: так → ні; E-mail: o@rada.gov.ua → —", uk.changes(update));
        assertEquals("Name: Олена → Олена Петренко; Enabled: yes → no; E-mail: o@rada.gov.ua → —", en.changes(update));
        assertEquals("Ролі: — → admin, employee", uk.changes(new AuditChanges()
                .changed("roles", java.util.Set.of(), java.util.Set.of("employee", "admin")).text()));
        // a module's free text stays as written, its instants in local time
        assertEquals("опубліковано 03.12.2026 09:27:32", uk.changes("опубліковано 2026-12-03T07:27:32Z"));
        assertEquals("", uk.changes(null));
    }

    @Test
    void unchangedFieldsAreLeftOutAndASaveWithoutChangesHasNoText() {
        AuditChanges none = new AuditChanges().changed("roles", java.util.Set.of("a", "b"), java.util.List.of("b", "a"))
                .changed("email", "", null);
        assertEquals(true, none.isEmpty());
        assertEquals(null, none.text());
        assertEquals(Optional.empty(), Optional.ofNullable(none.text()));
    }
}
