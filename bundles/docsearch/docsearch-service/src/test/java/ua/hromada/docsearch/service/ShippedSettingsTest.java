package ua.hromada.docsearch.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.testing.ShippedConfig;

/**
 * The shipped settings and the guide agree (issue 20, item 23): config/ua.hromada.docsearch.cfg
 * exists, names every setting of {@link DocsearchConfig}, and docs/admin-guide.md lists both of the
 * module's files by name.
 */
class ShippedSettingsTest {

    private static Path above(String relative) throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IOException("No " + relative + " above " + Path.of("").toAbsolutePath());
    }

    @Test
    void everySettingIsInTheShippedFileAndTheGuideNamesTheFiles() throws IOException {
        String shipped = Files.readString(above("config/" + DocsearchConfig.PID + ".cfg"), StandardCharsets.UTF_8);
        for (Method m : DocsearchConfig.class.getDeclaredMethods()) {
            String key = m.getName().replace('_', '.');
            assertTrue(shipped.matches("(?sm).*^#?" + java.util.regex.Pattern.quote(key) + " =.*"), key + " in the shipped file");
        }
        // the shipped values are the ones the code falls back to
        DocsearchConfig config = ShippedConfig.as(DocsearchConfig.class, ShippedConfig.read(DocsearchConfig.PID));
        assertEquals(ImportLimitsConfig.defaults(), ImportLimitsConfig.of(config));
        String guide = Files.readString(above("docs/admin-guide.md"), StandardCharsets.UTF_8);
        assertTrue(guide.contains("`ua.hromada.docsearch.cfg`"), "the guide names ua.hromada.docsearch.cfg");
        assertTrue(guide.contains("`ua.hromada.docsearch.api.cfg`"), "the guide names ua.hromada.docsearch.api.cfg");
    }
}
