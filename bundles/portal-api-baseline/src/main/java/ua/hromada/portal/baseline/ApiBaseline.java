package ua.hromada.portal.baseline;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.OSGiHeader;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Diff;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.version.Version;

/**
 * Semantic-versioning check of a bundle's exported packages against a committed baseline
 * (docs/api-versioning.md). There is no released artefact to baseline against, so the baseline is
 * the API tree bnd's differ makes of the bundle at the last release, kept as JSON next to the
 * sources ({@code src/baseline/api.json}); the check compares the freshly built jar with it using
 * bnd's own {@link Baseline} rules: a removed or changed member needs a major bump, an addition a
 * minor one (an added method in an interface that is not {@code @ProviderType} is major).
 *
 * <p>Run by the build ({@code verify} phase, root pom profile {@code api-baseline}) as
 * {@code ApiBaseline check|refresh <bundle.jar> <api.json>}.
 */
public final class ApiBaseline {

    private static final String API = "<api>";
    private static final String JDK_INTERNAL = "jdk.internal.";
    private static final int MAX_DETAILS = 12;

    private final DiffPluginImpl differ = new DiffPluginImpl();
    private final ObjectMapper json = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("check", "refresh").contains(args[0])) {
            throw new IllegalArgumentException("usage: ApiBaseline check|refresh <bundle.jar> <api.json>");
        }
        ApiBaseline baseline = new ApiBaseline();
        File jar = new File(args[1]);
        Path file = Path.of(args[2]);
        if (args[0].equals("refresh")) {
            baseline.write(jar, file);
            System.out.println("API baseline of " + jar.getName() + " written to " + file);
            return;
        }
        List<String> problems = baseline.check(jar, file);
        if (!problems.isEmpty()) {
            // an exception (not System.exit) so exec:java reports it as the build failure's cause
            throw new IllegalStateException("API baseline check of " + jar.getName() + " against " + file
                    + " failed (docs/api-versioning.md):\n  " + String.join("\n  ", problems));
        }
        System.out.println("API baseline check of " + jar.getName() + ": exported package versions match their changes");
    }

    /** Writes the jar's exported API (packages, their versions and members) as the new baseline. */
    public void write(File jar, Path file) throws Exception {
        try (Jar bundle = new Jar(jar)) {
            Tree api = apiOnly(differ.tree(bundle), bundle.getBsn());
            StringBuilder out = new StringBuilder("{\n\"bundle\": ").append(quote(bundle.getBsn()))
                    .append(",\n\"exports\": ").append(json.writeValueAsString(versions(exports(bundle))))
                    .append(",\n\"tree\":\n");
            writeTree(api.serialize(), 0, out);
            out.append("\n}\n");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, out, StandardCharsets.UTF_8);
        }
    }

    /** @return one message per package whose version does not match its change; empty when all match */
    public List<String> check(File jar, Path file) throws Exception {
        if (!Files.exists(file)) {
            return List.of("no baseline " + file + ": create it with -Dapi.baseline=refresh (docs/api-versioning.md)");
        }
        JsonNode stored = json.readTree(file.toFile());
        Tree older = differ.deserialize(withChildren(json.treeToValue(stored.get("tree"), Tree.Data.class)));
        Parameters olderExports = new Parameters();
        stored.get("exports").properties().forEach(e -> olderExports.put(e.getKey(),
                attrs(Constants.VERSION_ATTRIBUTE, e.getValue().asText())));
        try (Jar bundle = new Jar(jar); Processor reporter = new Processor()) {
            Parameters newerExports = exports(bundle);
            Tree newer = apiOnly(differ.tree(bundle), bundle.getBsn());
            List<String> problems = new ArrayList<>();
            for (Map.Entry<String, Attrs> export : newerExports.entrySet()) {
                if (Version.parseVersion(export.getValue().getVersion()).equals(Version.emptyVersion)) {
                    problems.add("package " + export.getKey() + " is exported without a version: give it a"
                            + " package-info.java with @Version");
                }
            }
            for (Info info : new Baseline(reporter, differ).baseline(newer, newerExports, older, olderExports,
                    new Instructions())) {
                problems.addAll(problems(info));
            }
            return problems;
        }
    }

    private List<String> problems(Info info) {
        Delta delta = info.packageDiff.getDelta();
        if (delta == Delta.REMOVED) {
            return List.of("package " + info.packageName + " " + info.olderVersion + " was removed: modules"
                    + " importing it no longer resolve; restore it (a removal is only possible at a major"
                    + " release, with a refreshed baseline)");
        }
        if (info.mismatch) {
            String required = info.suggestedVersion.toString();
            String ifProviders = info.suggestedIfProviders == null ? ""
                    : " (or " + info.suggestedIfProviders + " if " + info.providers
                            + " are only implemented by the portal: mark them @ProviderType)";
            List<String> lines = new ArrayList<>();
            lines.add("package " + info.packageName + ": " + delta + " change needs version " + required
                    + ifProviders + ", it is " + info.newerVersion + " (baseline " + info.olderVersion
                    + "); set @Version(\"" + required + "\") in its package-info.java");
            details(info.packageDiff, "", lines);
            return lines;
        }
        if (info.newerVersion.compareTo(info.olderVersion) < 0 && delta != Delta.ADDED) {
            return List.of("package " + info.packageName + " went down from " + info.olderVersion + " to "
                    + info.newerVersion + ": a version never decreases");
        }
        return List.of();
    }

    /** Lists the members that were added or removed, so the message says what changed. */
    private static void details(Diff diff, String path, List<String> lines) {
        for (Diff child : diff.getChildren()) {
            if (lines.size() > MAX_DETAILS) {
                return;
            }
            String where = path.isEmpty() ? child.getName() : path + " " + child.getName();
            switch (child.getDelta()) {
                case ADDED, REMOVED -> lines.add("    " + child.getDelta().toString().toLowerCase() + ": "
                        + child.getType().toString().toLowerCase() + " " + where);
                case MAJOR, MINOR, CHANGED, MICRO -> details(child, childPath(child, path), lines);
                default -> {
                }
            }
        }
    }

    private static String childPath(Diff child, String path) {
        // package names are already in the message; classes and members make the path
        return switch (child.getType()) {
            case CLASS, INTERFACE, ENUM, ANNOTATION, METHOD, FIELD -> path.isEmpty() ? child.getName()
                    : path + " " + child.getName();
            default -> path;
        };
    }

    /**
     * The differ's tree also holds the manifest and every resource; only the API counts here, and
     * keeping the rest out makes the baseline independent of build details (imports, timestamps).
     * The root is named by the symbolic name, not the jar's file name, which changes every release.
     */
    private Tree apiOnly(Tree whole, String bsn) throws Exception {
        Tree.Data data = whole.serialize();
        data.name = bsn;
        data.children = Arrays.stream(data.children).filter(c -> API.equals(c.name)).toArray(Tree.Data[]::new);
        return differ.deserialize(withoutJdkInternals(data));
    }

    /**
     * Members inherited from the JDK (Object's methods of every class) carry the JDK's internal
     * annotations, which differ between JDK builds; they are no part of our API, and keeping them
     * would make the check depend on the JDK that built the baseline.
     */
    private static Tree.Data withoutJdkInternals(Tree.Data node) {
        if (node.children != null) {
            node.children = Arrays.stream(node.children).filter(c -> !c.name.startsWith(JDK_INTERNAL))
                    .map(ApiBaseline::withoutJdkInternals).toArray(Tree.Data[]::new);
        }
        return node;
    }

    /** The file leaves out empty child lists; bnd's elements expect an array. */
    private static Tree.Data withChildren(Tree.Data node) {
        if (node.children == null) {
            node.children = new Tree.Data[0];
        }
        for (Tree.Data child : node.children) {
            withChildren(child);
        }
        return node;
    }

    private static Parameters exports(Jar bundle) throws Exception {
        String header = bundle.getManifest() == null ? null
                : bundle.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        return header == null ? new Parameters() : OSGiHeader.parseHeader(header);
    }

    private static Map<String, String> versions(Parameters exports) {
        Map<String, String> versions = new TreeMap<>();
        exports.forEach((pkg, attrs) -> versions.put(pkg, Version.parseVersion(attrs.getVersion()).toString()));
        return versions;
    }

    private static Attrs attrs(String key, String value) {
        Attrs attrs = new Attrs();
        attrs.put(key, value);
        return attrs;
    }

    /** One element a line, so a refreshed baseline reads as a diff of the API in review. */
    private void writeTree(Tree.Data node, int depth, StringBuilder out) throws IOException {
        out.append(" ".repeat(depth)).append("{\"type\":").append(quote(node.type.name()))
                .append(",\"name\":").append(quote(node.name))
                .append(",\"add\":").append(quote(node.add.name()))
                .append(",\"rem\":").append(quote(node.rem.name()));
        if (node.comment != null) {
            out.append(",\"comment\":").append(quote(node.comment));
        }
        if (node.children != null && node.children.length > 0) {
            out.append(",\"children\":[\n");
            for (int i = 0; i < node.children.length; i++) {
                writeTree(node.children[i], depth + 1, out);
                out.append(i < node.children.length - 1 ? ",\n" : "\n");
            }
            out.append(" ".repeat(depth)).append("]");
        }
        out.append('}');
    }

    private String quote(String text) throws IOException {
        return json.writeValueAsString(text);
    }
}
