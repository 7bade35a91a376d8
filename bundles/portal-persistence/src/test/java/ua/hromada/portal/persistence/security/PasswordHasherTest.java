package ua.hromada.portal.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashIsNotThePasswordAndVerifies() {
        String hash = hasher.hash("Київ-2024!".toCharArray());
        assertFalse(hash.contains("Київ-2024!"));
        assertTrue(hash.startsWith("$2"));
        assertTrue(hasher.verify(hash, "Київ-2024!".toCharArray()));
        assertFalse(hasher.verify(hash, "Київ-2025!".toCharArray()));
        assertFalse(hasher.verify(hash, "".toCharArray()));
    }

    @Test
    void saltMakesEveryHashDifferent() {
        assertNotEquals(hasher.hash("same-password".toCharArray()), hasher.hash("same-password".toCharArray()));
    }

    @Test
    void costIsRespected() {
        assertEquals(4, PasswordHasher.costOf(new PasswordHasher(4).hash("pw".toCharArray())));
        String six = new PasswordHasher(6).hash("pw".toCharArray());
        assertEquals(6, PasswordHasher.costOf(six));
        // a hash made with another cost still verifies: the cost is stored in the hash
        assertTrue(hasher.verify(six, "pw".toCharArray()));
    }

    @Test
    void malformedHashesAndNullsAreRefusedNotThrown() {
        assertFalse(hasher.verify("not-a-hash", "pw".toCharArray()));
        assertFalse(hasher.verify(null, "pw".toCharArray()));
        assertFalse(hasher.verify(hasher.hash("pw".toCharArray()), null));
    }
}
