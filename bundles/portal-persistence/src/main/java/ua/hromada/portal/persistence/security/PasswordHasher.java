package ua.hromada.portal.persistence.security;

import java.security.SecureRandom;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** bcrypt through Bouncy Castle. */
public final class PasswordHasher {
    private final int cost;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int cost) {
        this.cost = cost;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate(password, salt, cost);
    }

    /** False for a wrong password and for a malformed hash (never throws on bad input). */
    public boolean verify(String hash, char[] password) {
        if (hash == null || password == null) {
            return false;
        }
        try {
            return OpenBSDBCrypt.checkPassword(hash, password);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The cost factor a stored hash was made with, e.g. 10 for {@code $2y$10$...}. */
    public static int costOf(String hash) {
        return Integer.parseInt(hash.substring(4, 6));
    }
}
