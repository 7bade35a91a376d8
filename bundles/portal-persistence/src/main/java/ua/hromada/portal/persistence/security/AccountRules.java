package ua.hromada.portal.persistence.security;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import ua.hromada.portal.api.security.AccountException;

/** Input rules for usernames, passwords and roles; every refusal carries a message key. */
public final class AccountRules {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    /** Letters of any alphabet («інспектори»), digits, space, '.', '_', '-'; a letter or digit first. */
    private static final Pattern ROLE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M} ._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** bcrypt ignores everything past 72 bytes; refuse rather than truncate silently. */
    static final int MAX_PASSWORD_BYTES = 72;

    private AccountRules() {
    }

    /** Trimmed and lowercased, or null if it can never be a valid username. */
    public static String normalizeUsername(String username) {
        if (username == null) {
            return null;
        }
        String u = username.trim().toLowerCase(Locale.ROOT);
        return USERNAME.matcher(u).matches() ? u : null;
    }

    public static String requireUsername(String username) {
        String u = normalizeUsername(username);
        if (u == null) {
            throw new AccountException(MessageKeys.USERNAME_INVALID,
                    "Username must be 3-64 characters of a-z, 0-9, '.', '_', '-'");
        }
        return u;
    }

    public static void checkPassword(char[] password, int minLength) {
        if (password == null || password.length == 0 || CharBuffer.wrap(password).chars().allMatch(Character::isWhitespace)) {
            throw new AccountException(MessageKeys.PASSWORD_EMPTY, "Password is empty");
        }
        if (password.length < minLength) {
            throw new AccountException(MessageKeys.PASSWORD_TOO_SHORT,
                    "Password must have at least " + minLength + " characters");
        }
        if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > MAX_PASSWORD_BYTES) {
            throw new AccountException(MessageKeys.PASSWORD_TOO_LONG,
                    "Password must not exceed " + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    /** {@link #checkPassword} and: not the username itself (in any letter case). */
    public static void checkNewPassword(char[] password, String username, int minLength) {
        checkPassword(password, minLength);
        if (username != null && String.valueOf(password).trim().equalsIgnoreCase(username)) {
            throw new AccountException(MessageKeys.PASSWORD_IS_USERNAME, "Password equals the username");
        }
    }

    /** Blank means "use the username". */
    public static String displayName(String displayName, String username) {
        String d = displayName == null ? "" : displayName.trim();
        if (d.length() > 200) {
            throw new AccountException(MessageKeys.DISPLAY_NAME_TOO_LONG, "Display name exceeds 200 characters");
        }
        return d.isEmpty() ? username : d;
    }

    /** Blank means "no e-mail". */
    public static String email(String email) {
        String e = email == null ? "" : email.trim();
        if (e.isEmpty()) {
            return null;
        }
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            throw new AccountException(MessageKeys.EMAIL_INVALID, "Invalid e-mail address");
        }
        return e;
    }

    /**
     * Trimmed, inner spaces collapsed, lowercased (a role is found whatever letter case is typed,
     * as a username is), NFC so a letter typed two ways is one name.
     */
    public static String requireRoleName(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip()
                .replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (!ROLE.matcher(n).matches()) {
            throw new AccountException(MessageKeys.ROLE_NAME_INVALID,
                    "Role name must be 2-64 letters, digits, spaces, '.', '_', '-', beginning with a letter or digit");
        }
        return n;
    }

    public static String requirePermission(String permission) {
        String p = permission == null ? "" : permission.trim();
        if (p.isEmpty() || p.length() > 200 || p.chars().anyMatch(Character::isWhitespace)) {
            throw new AccountException(MessageKeys.ROLE_PERMISSION_INVALID, "Invalid permission key: " + permission);
        }
        return p;
    }
}
