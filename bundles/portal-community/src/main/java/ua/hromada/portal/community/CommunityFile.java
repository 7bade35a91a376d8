package ua.hromada.portal.community;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A community's file in Karaf's etc/, as fileinstall reads it ({@code <factory pid>~<id>.cfg},
 * properties in UTF-8 as the assembly's setenv tells fileinstall): written whole to a temporary
 * file first, so fileinstall never loads half of it.
 */
final class CommunityFile {

    private CommunityFile() {
    }

    static Path of(Path etc, String id) {
        return etc.resolve(CommunityConfig.PID + "~" + id + ".cfg");
    }

    /** The key fileinstall links a configuration to its file by (File's URI: {@code file:/...}, not Path's). */
    static String configKey(Path file) {
        return file.toFile().getAbsoluteFile().toURI().toString();
    }

    static Path write(Path etc, String id, Map<String, String> properties) throws IOException {
        Files.createDirectories(etc);
        Path file = of(etc, id);
        StringBuilder text = new StringBuilder();
        text.append("# Community ").append(id).append(" of the Hromada portal (docs/regional-hosting.md):\n")
                .append("# hosts and modules are comma lists (no modules = every module); <pid>/<key> overlays a setting.\n");
        properties.forEach((key, value) -> text.append(escape(key, true)).append(" = ").append(escape(value, false))
                .append('\n'));
        Path temporary = Files.createTempFile(etc, ".community-" + id, ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /** Properties-file escaping; the texts stay readable UTF-8 (Ukrainian names). */
    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
