package ua.hromada.portal.testing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A module's texts as its tests check them: a resource-bundle file read as the portal reads it
 * (UTF-8), and the keys its sources name, so "uk and en have the same keys" and "every key used
 * exists" are written the same way in every module.
 */
public final class BundleTexts {

    private BundleTexts() {
    }

    /** The properties file at {@code path} on {@code owner}'s class path, e.g. {@code "/i18n/oks.properties"}. */
    public static Properties load(Class<?> owner, String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new FileNotFoundException(path + " is not on the class path of " + owner.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Group 1 of every match of {@code key} in the Java files under {@code sources}, file by file. */
    public static List<String> keysUsed(Path sources, Pattern key) throws IOException {
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }
}
