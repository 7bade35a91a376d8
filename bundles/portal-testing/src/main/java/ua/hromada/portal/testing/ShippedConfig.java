package ua.hromada.portal.testing;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The config/*.cfg shipped with the portal as DS would hand it to a component (key "a.b" = method
 * a_b), so tests check the settings another community starts from, not a copy of them.
 */
public final class ShippedConfig {
    private ShippedConfig() {
    }

    /** The shipped {@code config/<pid>.cfg}, found from the module's folder upwards. */
    public static Properties read(String pid) throws IOException {
        Path file = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && file == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("config").resolve(pid + ".cfg");
            if (Files.isRegularFile(candidate)) {
                file = candidate;
            }
        }
        if (file == null) {
            throw new IOException("No config/" + pid + ".cfg above " + Path.of("").toAbsolutePath());
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The values as the component's configuration annotation (defaults for keys not given). */
    public static <A> A as(Class<A> type, Properties values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String value = values.getProperty(method.getName().replace('_', '.'));
            if (value == null) {
                return method.getDefaultValue();
            }
            Class<?> r = method.getReturnType();
            if (r == int.class) {
                return Integer.valueOf(value.strip());
            }
            if (r == long.class) {
                return Long.valueOf(value.strip());
            }
            if (r == boolean.class) {
                return Boolean.valueOf(value.strip());
            }
            // as DS hands a single .cfg value to an array attribute: one element
            return r == String[].class ? new String[] {value} : value;
        }));
    }

    /** The given keys ("a.b" = method a_b) as the configuration annotation, as a test sets a component up. */
    public static <A> A as(Class<A> type, Map<String, ?> values) {
        Properties p = new Properties();
        values.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        return as(type, p);
    }
}
