package ua.hromada.portal.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;

/**
 * Builds small bundles the way the api bundles are built (version from package-info, exported
 * without a version in the instructions), baselines the first and checks changed ones against it.
 */
class ApiBaselineTest {

    private static final String GREETER = """
            package demo.api;
            public final class Greeter {
                public String greet(String name) { return "Привіт, " + name; }
            %s}
            """;
    private static final String COUNT = "    public int count() { return 1; }\n";
    private static final String LISTENER = """
            package demo.api;
            %s
            public interface Listener {
                void changed(String what);
            %s}
            """;
    private static final String PROVIDER = "@org.osgi.annotation.versioning.ProviderType";

    @TempDir
    Path dir;

    private final ApiBaseline baseline = new ApiBaseline();
    private Path baselineFile;

    @BeforeEach
    void baselineOfVersionOne() throws Exception {
        baselineFile = dir.resolve("src/baseline/api.json");
        baseline.write(bundle("v1", "1.0.0", GREETER.formatted(COUNT), LISTENER.formatted("", "")), baselineFile);
    }

    @Test
    void unchangedApiWithTheSameVersionPasses() throws Exception {
        assertEquals(List.of(), check("same", "1.0.0", GREETER.formatted(COUNT), LISTENER.formatted("", "")));
    }

    @Test
    void removedMethodNeedsAMajorVersion() throws Exception {
        List<String> problems = check("removed", "1.0.0", GREETER.formatted(""), LISTENER.formatted("", ""));

        String text = String.join("\n", problems);
        assertTrue(text.contains("package demo.api: MAJOR change needs version 2.0.0, it is 1.0.0"), text);
        assertTrue(text.contains("removed: method demo.api.Greeter count()"), text);
        assertThrows(IllegalStateException.class, () -> ApiBaseline.main(new String[] {"check",
                jar("removed").toString(), baselineFile.toString()}));
    }

    @Test
    void removedMethodPassesWithTheMajorBump() throws Exception {
        assertEquals(List.of(), check("removed2", "2.0.0", GREETER.formatted(""), LISTENER.formatted("", "")));
    }

    @Test
    void addedMethodNeedsAMinorVersion() throws Exception {
        String greeter = GREETER.formatted(COUNT + "    public boolean polite() { return true; }\n");

        String text = String.join("\n", check("added", "1.0.0", greeter, LISTENER.formatted("", "")));

        assertTrue(text.contains("package demo.api: MINOR change needs version 1.1.0, it is 1.0.0"), text);
        assertTrue(text.contains("added: method demo.api.Greeter polite()"), text);
        assertEquals(List.of(), check("added2", "1.1.0", greeter, LISTENER.formatted("", "")));
    }

    @Test
    void methodAddedToAnInterfaceModulesImplementIsMajorUnlessPortalOnly() throws Exception {
        String consumer = LISTENER.formatted("", "    void removed(String what);\n");
        String text = String.join("\n", check("consumer", "1.1.0", GREETER.formatted(COUNT), consumer));
        assertTrue(text.contains("MAJOR change needs version 2.0.0 (or 1.1.0 if [Listener]"), text);

        String provider = LISTENER.formatted(PROVIDER, "    void removed(String what);\n");
        assertEquals(List.of(), check("provider", "1.1.0", GREETER.formatted(COUNT), provider));
    }

    @Test
    void packageExportedWithoutAVersionFails() throws Exception {
        String text = String.join("\n", check("unversioned", null, GREETER.formatted(COUNT), LISTENER.formatted("", "")));

        assertTrue(text.contains("package demo.api is exported without a version"), text);
    }

    @Test
    void missingBaselineFailsWithTheCommandToCreateIt() throws Exception {
        File jar = bundle("nobase", "1.0.0", GREETER.formatted(COUNT), LISTENER.formatted("", ""));

        List<String> problems = baseline.check(jar, dir.resolve("none/api.json"));

        assertTrue(problems.get(0).contains("-Dapi.baseline=refresh"), problems.toString());
    }

    private List<String> check(String name, String version, String... sources) throws Exception {
        return baseline.check(bundle(name, version, sources), baselineFile);
    }

    private Path jar(String name) {
        return dir.resolve(name + ".jar");
    }

    /** Compiles the sources (plus a package-info with the version, when given) and wraps them as bnd does. */
    private File bundle(String name, String version, String... sources) throws Exception {
        Path src = Files.createDirectories(dir.resolve(name + "/src/demo/api"));
        Path classes = Files.createDirectories(dir.resolve(name + "/classes"));
        for (String source : sources) {
            String type = source.replaceAll("(?s).*public (?:final )?(?:class|interface) (\\w+).*", "$1");
            Files.writeString(src.resolve(type + ".java"), source);
        }
        if (version != null) {
            Files.writeString(src.resolve("package-info.java"),
                    "@org.osgi.annotation.versioning.Version(\"" + version + "\")\npackage demo.api;\n");
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String annotations = new File(org.osgi.annotation.versioning.Version.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).getPath();
        try (var files = Files.list(src)) {
            String[] args = files.map(Path::toString).toArray(String[]::new);
            String[] all = new String[args.length + 4];
            all[0] = "-d";
            all[1] = classes.toString();
            all[2] = "-cp";
            all[3] = annotations;
            System.arraycopy(args, 0, all, 4, args.length);
            assertEquals(0, javac.run(null, null, null, all), "compiling " + name);
        }
        try (Builder builder = new Builder()) {
            builder.setProperty("Bundle-SymbolicName", "demo.api");
            builder.setProperty("Bundle-Version", "1.0.0");
            builder.setProperty("Export-Package", "demo.api");
            // as the root pom configures every bundle: no version unless package-info gives one
            builder.setProperty("-nodefaultversion", "true");
            builder.addClasspath(classes.toFile());
            try (Jar jar = builder.build()) {
                assertTrue(builder.isOk(), builder.getErrors().toString());
                File file = jar(name).toFile();
                jar.write(file);
                return file;
            }
        }
    }
}
