package ua.hromada.portal.ui.map.internal;

import ua.hromada.portal.api.PortalHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves Leaflet (from the inlined webjar), Leaflet-Geoman and the map component's own scripts from this bundle,
 * in the portal's context: the browser loads them at run time because the pre-compiled Vaadin
 * frontend cannot contain them, and it must not depend on a CDN.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ MapStaticResources.LEAFLET_PATH + "/*", MapStaticResources.GEOMAN_PATH + "/*",
        MapStaticResources.SCRIPT_PATH + "/*" })
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class MapStaticResources extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String LEAFLET_VERSION = "1.9.4";
    /** Versioned, so browsers may cache it for good. */
    public static final String LEAFLET_PATH = "/static/leaflet/" + LEAFLET_VERSION;
    public static final String SCRIPT_PATH = "/static/portal-map";
    /** Leaflet-Geoman free (MIT), vendored from npm with its licences: drawing and editing. */
    public static final String GEOMAN_VERSION = "2.20.2";
    public static final String GEOMAN_PATH = "/static/leaflet-geoman/" + GEOMAN_VERSION;

    private static final Map<String, String> ROOTS = Map.of(
            LEAFLET_PATH, "META-INF/resources/webjars/leaflet/" + LEAFLET_VERSION + "/dist/",
            GEOMAN_PATH, "vendor/leaflet-geoman-free/" + GEOMAN_VERSION + "/",
            SCRIPT_PATH, "hromada-map/");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "png", "image/png");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        URL resource = resolve(request.getServletPath(), request.getPathInfo());
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = resource.getPath();
        response.setContentType(TYPES.get(path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)));
        // Leaflet's and Geoman's paths carry their version; our scripts change with the bundle, so revalidate them
        response.setHeader("Cache-Control", !request.getServletPath().equals(SCRIPT_PATH)
                ? "public, max-age=31536000, immutable" : "no-cache");
        try (InputStream in = resource.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** The class-path resource for a request, or null for anything not a known static file. */
    URL resolve(String servletPath, String pathInfo) {
        String root = ROOTS.get(servletPath);
        if (root == null || pathInfo == null || pathInfo.contains("..") || pathInfo.contains("\\")) {
            return null;
        }
        String name = pathInfo.startsWith("/") ? pathInfo.substring(1) : pathInfo;
        int dot = name.lastIndexOf('.');
        if (name.isEmpty() || dot < 0 || !TYPES.containsKey(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            return null;
        }
        return MapStaticResources.class.getClassLoader().getResource(root + name);
    }
}
