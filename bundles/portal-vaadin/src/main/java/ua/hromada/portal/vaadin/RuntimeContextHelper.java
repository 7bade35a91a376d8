package ua.hromada.portal.vaadin;

import java.net.URL;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.servlet.context.ServletContextHelper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Servlet context for the portal: resources resolve on the Vaadin runtime's class path (as
 * META-INF/resources in a web app), and MIME types are known — without them Jetty sends
 * /VAADIN/build/*.js with no Content-Type and browsers refuse the module scripts.
 */
public class RuntimeContextHelper extends ServletContextHelper {

    private static final Map<String, String> MIME = Map.ofEntries(
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("webp", "image/webp"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain;charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json"));

    private final ClassLoader runtimeLoader = RuntimeContextHelper.class.getClassLoader();

    @Override
    public String getMimeType(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return null;
        }
        return MIME.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public URL getResource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        return runtimeLoader.getResource("META-INF/resources/" + path);
    }

    @Override
    public boolean handleSecurity(HttpServletRequest request, HttpServletResponse response) {
        return true;
    }
}
