package ua.hromada.oks.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configured {@code apiKeys} and the rules a key must meet to be accepted at all: a key that
 * is a placeholder, short or nearly uniform can be guessed or was never meant for production, so
 * it is refused even when it is configured (the servlet logs why at activation and on use).
 */
final class ApiKeys {

    /** 24 characters: e.g. 18 random bytes in base64, or 12 in hex (`openssl rand -hex 32` gives 64). */
    static final int MIN_LENGTH = 24;
    /** Fewer different characters than this is a pattern, not a random value ("aaaa…", "1212…"). */
    static final int MIN_DISTINCT = 8;
    private static final List<String> PLACEHOLDER_MARKS = List.of("CHANGE-ME", "CHANGEME", "CHANGE_ME", "PLACEHOLDER");

    /** The answer for a sent key: which configured entry (1-based) it matched, and whether that one is usable. */
    record Check(int position, String weakness) {
        static final Check UNKNOWN = new Check(0, null);

        boolean accepted() {
            return position > 0 && weakness == null;
        }

        boolean refused() {
            return position > 0 && weakness != null;
        }
    }

    private final List<byte[]> keys = new ArrayList<>();
    private final List<String> weaknesses = new ArrayList<>();

    ApiKeys(List<String> configured) {
        for (String key : configured) {
            keys.add(key.getBytes(StandardCharsets.UTF_8));
            weaknesses.add(weakness(key));
        }
    }

    /** Why a configured key is never accepted (English, for the log), or null when it is usable. */
    static String weakness(String key) {
        String upper = key.toUpperCase(Locale.ROOT);
        for (String mark : PLACEHOLDER_MARKS) {
            if (upper.contains(mark)) {
                return "it is a placeholder (contains " + mark + ")";
            }
        }
        if (key.length() < MIN_LENGTH) {
            return "it is shorter than " + MIN_LENGTH + " characters";
        }
        if (key.chars().distinct().count() < MIN_DISTINCT) {
            return "it has fewer than " + MIN_DISTINCT + " different characters";
        }
        return null;
    }

    int size() {
        return keys.size();
    }

    /** The weakness of the configured entry at {@code position} (1-based), null when usable. */
    String weaknessAt(int position) {
        return weaknesses.get(position - 1);
    }

    long usable() {
        return weaknesses.stream().filter(w -> w == null).count();
    }

    /** Compares the sent key with every configured one in constant time per key. */
    Check check(String sent) {
        if (sent == null || sent.isBlank()) {
            return Check.UNKNOWN;
        }
        byte[] given = sent.trim().getBytes(StandardCharsets.UTF_8);
        int matched = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(keys.get(i), given) && matched == 0) {
                matched = i + 1;
            }
        }
        return matched == 0 ? Check.UNKNOWN : new Check(matched, weaknesses.get(matched - 1));
    }
}
