package ua.hromada.portal.shell.core;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The community's logo as {@code community.logo} of etc/ua.hromada.portal.cfg names it: an image
 * URL (http, https, or a path on this site starting with "/") shown as it is, or an image file,
 * relative to etc/ or absolute, that the portal serves itself at {@link #PATH} (so a community
 * keeps its logo beside its settings and needs no web server for it). A file that is missing or
 * not an image is logged with the path looked at, and the portal shows no logo rather than a
 * broken image.
 */
public final class CommunityLogo {

    /** Where the portal serves a logo file, relative to the portal's root. */
    public static final String PATH = "community-logo";
    /** The image types a logo file may have, by file extension. */
    static final Map<String, String> TYPES = Map.of(
            "svg", "image/svg+xml",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp");
    static final CommunityLogo NONE = new CommunityLogo(null, null, null);

    private static final Logger LOG = LoggerFactory.getLogger(CommunityLogo.class);

    private final String url;
    private final Path file;
    private final String contentType;

    private CommunityLogo(String url, Path file, String contentType) {
        this.url = url;
        this.file = file;
        this.contentType = contentType;
    }

    /**
     * @param value the configured {@code community.logo}
     * @param etc   the folder a relative file name is read from (Karaf's etc/)
     */
    static CommunityLogo of(String value, Path etc) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return NONE;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://") || (v.startsWith("/") && !Files.exists(Path.of(v)))) {
            return new CommunityLogo(v, null, null);
        }
        Path file;
        try {
            file = etc.resolve(v).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            LOG.error("ua.hromada.portal: community.logo '{}' is neither an http(s) URL nor a file name ({}); no logo is shown",
                    v, e.getMessage());
            return NONE;
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            LOG.error("ua.hromada.portal: community.logo file {} is not one of {} (by its extension); no logo is shown",
                    file, TYPES.keySet());
            return NONE;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            LOG.error("ua.hromada.portal: community.logo file {} does not exist or cannot be read (a relative name is "
                    + "looked up in {}); no logo is shown", file, etc.toAbsolutePath().normalize());
            return NONE;
        }
        return new CommunityLogo(null, file, type);
    }

    /** The configured URL; empty for none or for a file. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** The file the portal serves at {@link #PATH}; empty for none or for a URL. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Content type of {@link #file()}. */
    public String contentType() {
        return contentType;
    }

    public boolean present() {
        return url != null || file != null;
    }
}
