package ua.hromada.portal.shell.http;

import ua.hromada.portal.api.PortalHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import ua.hromada.portal.api.ApiResponses;
import ua.hromada.portal.shell.core.CommunityLogo;
import ua.hromada.portal.shell.core.PortalSettingsImpl;

/**
 * {@code GET /community-logo}: the logo file {@code community.logo} names (etc/ua.hromada.portal.cfg),
 * for everyone (the login page shows it). Only that one file is ever read; nothing of the request
 * picks a path. An SVG may carry script: served with a policy that runs none and a sandbox, it is
 * inert even when opened on its own.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/" + CommunityLogo.PATH)
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class CommunityLogoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PortalSettingsImpl settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CommunityLogo logo = settings.logo();
        Optional<Path> file = logo.file();
        if (file.isEmpty()) {
            ApiResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "not_found",
                    "No logo file is configured (community.logo in etc/ua.hromada.portal.cfg).");
            return;
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            response.setContentType(logo.contentType());
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
            // pages ask for it with the file's time in the query: a replaced file is a new address
            response.setHeader("Cache-Control", "public, max-age=86400");
            response.setContentLengthLong(Files.size(file.get()));
            try (OutputStream out = response.getOutputStream()) {
                in.transferTo(out);
            }
        } catch (NoSuchFileException e) {
            // removed after the settings were read: the settings' log line named it at the start
            ApiResponses.error(response, HttpServletResponse.SC_NOT_FOUND, "not_found", "The logo file is gone.");
        }
    }
}
