package ua.hromada.portal.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.Test;

import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;
import aQute.bnd.version.Version;
import aQute.bnd.version.VersionRange;

/**
 * "A module built against portal-api 1.x keeps working on a portal with 1.y": bnd derives a
 * module's import range from the package versions (package-info) of the portal-api it is built
 * against. The test builds a bundle from a module-like class and one from a portal-like class
 * against this portal-api, the way the module poms do (no range written by hand), and reads the
 * ranges they would resolve with.
 */
class ModuleCompatibilityTest {

    private static final String API = "ua.hromada.portal.api";

    @Test
    void aModuleAcceptsEveryMinorVersionOfTheSameMajor() throws Exception {
        String header = importRange("ua.hromada.portal.compat.module");
        VersionRange range = new VersionRange(header);

        // built against API 2.1 (PublicSearchProvider, PortalView.summary): every later 2.x, not 2.0
        assertEquals("[2.1,3)", header);
        assertTrue(range.includes(new Version(2, 1, 0)));
        assertFalse(range.includes(new Version(2, 0, 0)), "a module built on 2.1 may use what 2.0 lacks");
        assertTrue(range.includes(new Version(2, 7, 3)), "a portal with API 2.7 still wires the module");
        assertFalse(range.includes(new Version(3, 0, 0)), "a breaking API (3.0) refuses the module instead of failing later");
    }

    @Test
    void thePortalImplementingAProviderTypeIsTiedToTheMinorVersion() throws Exception {
        // PortalSettings is @ProviderType: its implementer must be rebuilt when a method is added
        assertEquals("[2.1,2.2)", importRange("ua.hromada.portal.compat.portal"));
    }

    /**
     * The compiled API as a clean build has it at test time: the versions must come from the
     * package-info classes, not from a manifest an earlier packaging left in target/classes.
     */
    private static Jar apiClassesWithoutManifest() throws Exception {
        Jar classes = new Jar(new File("target/classes"));
        classes.remove("META-INF/MANIFEST.MF");
        classes.setManifest((java.util.jar.Manifest) null);
        return classes;
    }

    /** @return the version range of the bundle's Import-Package for portal-api's main package */
    private static String importRange(String privatePackage) throws Exception {
        try (Builder builder = new Builder()) {
            builder.setProperty(Constants.BUNDLE_SYMBOLICNAME, privatePackage);
            builder.setProperty(Constants.PRIVATEPACKAGE, privatePackage);
            builder.setProperty(Constants.IMPORT_PACKAGE, "*");
            // the API first: test-classes also hold ua.hromada.portal.api (its tests), unversioned
            builder.addClasspath(apiClassesWithoutManifest());
            builder.addClasspath(new File("target/test-classes"));
            try (Jar bundle = builder.build()) {
                assertTrue(builder.isOk(), builder.getErrors().toString());
                Parameters imports = new Parameters(bundle.getManifest().getMainAttributes()
                        .getValue(Constants.IMPORT_PACKAGE));
                assertTrue(imports.containsKey(API), imports.toString());
                return imports.get(API).getVersion();
            }
        }
    }
}
