package ua.hromada.crm.service.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped seed of the classifier ({@code routing/seed-requests.tsv}, made for the product from
 * the wording of typical cards, its header says how): requests keyed by a card's local code and
 * name, so a new community gets suggestions before its first confirmed routing.
 */
final class RoutingSeed {
    static final String RESOURCE = "routing/seed-requests.tsv";

    /** One seed request for the card with this local code or name. */
    record Line(String localCode, String serviceName, String request) {
    }

    private RoutingSeed() {
    }

    static List<Line> load() {
        try (InputStream in = RoutingSeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the bundle");
            }
            List<Line> lines = new ArrayList<>();
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n")) {
                String[] f = row.split("\t");
                if (!row.startsWith("#") && f.length == 3) {
                    lines.add(new Line(f[0].strip(), f[1].strip(), f[2].strip()));
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
