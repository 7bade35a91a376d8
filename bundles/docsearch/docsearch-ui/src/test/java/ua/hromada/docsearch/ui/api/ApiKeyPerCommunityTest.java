package ua.hromada.docsearch.ui.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.community.Community;

/** Regional hosting (issue 18): a community's own API key replaces the shared one for its host only. */
class ApiKeyPerCommunityTest {
    private static final byte[] SHARED = bytes("shared-key");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Community community(Map<String, String> settings) {
        return new Community("a", List.of("a.portal.example"), Set.of(), settings);
    }

    @Test
    void theCommunitysOwnKeyComesFirst() {
        Community own = community(Map.of(ApiConfig.PID + "/" + DocumentsApi.API_KEY, " key-of-a "));
        assertArrayEquals(bytes("key-of-a"), DocumentsApi.expectedKey(own, SHARED));
        assertArrayEquals(bytes("key-of-a"), DocumentsApi.expectedKey(own, null), "also where no shared key is set");
    }

    @Test
    void withoutItsOwnKeyTheSharedOneHolds() {
        assertArrayEquals(SHARED, DocumentsApi.expectedKey(community(Map.of()), SHARED));
        assertArrayEquals(SHARED, DocumentsApi.expectedKey(community(Map.of(ApiConfig.PID + "/" + DocumentsApi.API_KEY,
                "  ")), SHARED), "a blank overlay value sets nothing");
        assertArrayEquals(SHARED, DocumentsApi.expectedKey(community(Map.of("ua.hromada.other/api.key", "x")), SHARED),
                "another PID's key is not this API's");
        assertNull(DocumentsApi.expectedKey(community(Map.of()), null), "no key at all: sessions only");
    }
}
