package ua.hromada.opendata.publication.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Addresses of the public open-data page, shared by the page and the links the APIs publish. */
public final class PublicPages {

    /** The residents' page: published datasets, no sign-in. */
    public static final String ROUTE = "vidkryti-dani";
    /** Query parameter that opens one dataset's passport: {@code vidkryti-dani?nabir=<identifier>}. */
    public static final String DATASET_PARAM = "nabir";
    /** The page among the public entries and its datasets among the public search's groups. */
    public static final int ORDER = 20;

    private PublicPages() {
    }

    /** The page of one dataset, relative to the base URL (starts with a slash). */
    public static String datasetPath(String identifier) {
        return "/" + datasetRoute(identifier);
    }

    /** The page of one dataset as a portal route: {@code vidkryti-dani?nabir=<identifier>}. */
    public static String datasetRoute(String identifier) {
        return ROUTE + "?" + DATASET_PARAM + "=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8);
    }
}
