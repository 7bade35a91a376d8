package ua.hromada.portal.persistence.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import ua.hromada.portal.api.security.AccountException;

class AccountRulesTest {

    @Test
    void usernamesAreTrimmedLowercasedAndChecked() {
        assertEquals("o.petrenko", AccountRules.requireUsername("  O.Petrenko "));
        assertEquals("a_b-9", AccountRules.requireUsername("a_b-9"));
        assertEquals("x".repeat(64), AccountRules.requireUsername("x".repeat(64)));
        for (String bad : new String[] {null, "", "ab", "x".repeat(65), "олег", "a b", "a@b", "a/b"}) {
            assertKey(MessageKeys.USERNAME_INVALID, () -> AccountRules.requireUsername(bad));
            assertNull(AccountRules.normalizeUsername(bad));
        }
    }

    @Test
    void passwordPolicy() {
        assertKey(MessageKeys.PASSWORD_EMPTY, () -> AccountRules.checkPassword(null, 8));
        assertKey(MessageKeys.PASSWORD_EMPTY, () -> AccountRules.checkPassword(new char[0], 8));
        assertKey(MessageKeys.PASSWORD_EMPTY, () -> AccountRules.checkPassword("   ".toCharArray(), 1));
        assertKey(MessageKeys.PASSWORD_TOO_SHORT, () -> AccountRules.checkPassword("1234567".toCharArray(), 8));
        assertDoesNotThrow(() -> AccountRules.checkPassword("12345678".toCharArray(), 8));
        assertKey(MessageKeys.PASSWORD_TOO_SHORT, () -> AccountRules.checkPassword("12345678".toCharArray(), 12));
        // 40 Cyrillic letters are 80 UTF-8 bytes: beyond what bcrypt reads
        assertKey(MessageKeys.PASSWORD_TOO_LONG, () -> AccountRules.checkPassword("ї".repeat(40).toCharArray(), 8));
        assertDoesNotThrow(() -> AccountRules.checkPassword("ї".repeat(36).toCharArray(), 8));
    }

    @Test
    void emailDisplayNameAndRoles() {
        assertNull(AccountRules.email("  "));
        assertEquals("a@rada.gov.ua", AccountRules.email(" a@rada.gov.ua "));
        assertKey(MessageKeys.EMAIL_INVALID, () -> AccountRules.email("no-at-sign"));
        assertEquals("ivan", AccountRules.displayName(" ", "ivan"));
        assertEquals("Іван Франко", AccountRules.displayName(" Іван Франко ", "ivan"));
        assertKey(MessageKeys.DISPLAY_NAME_TOO_LONG, () -> AccountRules.displayName("x".repeat(201), "ivan"));
        assertEquals("oks.clerk", AccountRules.requireRoleName("OKS.Clerk"));
        assertKey(MessageKeys.ROLE_NAME_INVALID, () -> AccountRules.requireRoleName("a"));
        assertKey(MessageKeys.ROLE_PERMISSION_INVALID, () -> AccountRules.requirePermission("has space"));
    }

    static void assertKey(String key, Executable call) {
        AccountException e = assertThrows(AccountException.class, call);
        assertEquals(key, e.messageKey());
    }
}
