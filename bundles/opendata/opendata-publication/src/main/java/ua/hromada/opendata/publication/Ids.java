package ua.hromada.opendata.publication;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Public ids (UUIDs, as CKAN's) derived from the base URL and the registry's ids, so they stay the
 * same across restarts and differ between communities harvested into one national portal.
 */
public final class Ids {

    private Ids() {
    }

    public static String dataset(PublicationSettings s, long id) {
        return uuid(s, "/dataset/" + id);
    }

    public static String resource(PublicationSettings s, long id) {
        return uuid(s, "/resource/" + id);
    }

    public static String link(PublicationSettings s, long datasetId, int position) {
        return uuid(s, "/dataset/" + datasetId + "/link/" + position);
    }

    public static String organization(PublicationSettings s, long managerId) {
        return uuid(s, "/organization/" + managerId);
    }

    public static String tag(PublicationSettings s, String tag) {
        return uuid(s, "/tag/" + tag);
    }

    private static String uuid(PublicationSettings s, String path) {
        return UUID.nameUUIDFromBytes((s.baseUrl() + path).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
