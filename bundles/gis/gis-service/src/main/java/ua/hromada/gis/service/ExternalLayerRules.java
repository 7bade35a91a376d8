package ua.hromada.gis.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ua.hromada.gis.api.ExternalLayer;
import ua.hromada.gis.api.ExternalLayerKind;
import ua.hromada.gis.api.ValidationError;

/** What an external layer must be before the registry stores it (no database needed). */
final class ExternalLayerRules {
    static final int URL_MAX = 2000;
    private static final int NAME_MAX = 200;

    private ExternalLayerRules() {
    }

    static List<ValidationError> check(ExternalLayer l) {
        List<ValidationError> errors = new ArrayList<>();
        LayerRules.key(l.key(), errors);
        LayerRules.title(l.title(), errors);
        if (l.kind() == null) {
            errors.add(new ValidationError("kind", "gis.error.external.kind"));
            return errors;
        }
        String urlError = urlError(l.url());
        if (urlError != null) {
            errors.add(new ValidationError("url", urlError));
        }
        if (l.visibility() == null) {
            errors.add(new ValidationError("visibility", "gis.error.external.visibility"));
        }
        if (!(l.opacity() >= 0 && l.opacity() <= 1)) {
            errors.add(new ValidationError("opacity", "gis.error.external.opacity"));
        }
        for (String name : l.layerNames()) {
            if (name == null || name.isBlank() || name.length() > NAME_MAX) {
                errors.add(new ValidationError("layerNames", "gis.error.external.layerName", Integer.toString(NAME_MAX)));
                break;
            }
        }
        switch (l.kind()) {
            case WMS -> {
                if (l.layerNames().isEmpty()) {
                    errors.add(new ValidationError("layerNames", "gis.error.external.layersRequired"));
                }
                requireFormat(l, errors);
            }
            case WMTS -> {
                if (l.layerNames().size() != 1) {
                    errors.add(new ValidationError("layerNames", "gis.error.external.oneLayer"));
                }
                requireFormat(l, errors);
                if (blank(l.tileMatrixSet())) {
                    errors.add(new ValidationError("tileMatrixSet", "gis.error.external.tileMatrixSet"));
                }
            }
            case XYZ -> {
                if (!l.layerNames().isEmpty()) {
                    errors.add(new ValidationError("layerNames", "gis.error.external.xyzNoLayers"));
                }
                // {-y}: the row counted from the south (TMS)
                if (urlError == null && !(l.url().contains("{z}") && l.url().contains("{x}")
                        && (l.url().contains("{y}") || l.url().contains("{-y}")))) {
                    errors.add(new ValidationError("url", "gis.error.external.xyzTemplate"));
                }
            }
            default -> throw new IllegalStateException(l.kind().name());
        }
        return errors;
    }

    private static void requireFormat(ExternalLayer l, List<ValidationError> errors) {
        if (blank(l.format()) || !l.format().strip().toLowerCase(Locale.ROOT).startsWith("image/")) {
            errors.add(new ValidationError("format", "gis.error.external.format"));
        }
    }

    /** The message key of what is wrong with a service address, or null: http(s) with a host only. */
    static String urlError(String url) {
        if (blank(url)) {
            return "gis.error.external.urlRequired";
        }
        if (url.length() > URL_MAX) {
            return "gis.error.external.urlTooLong";
        }
        try {
            // template braces (XYZ; a WMTS RESTful ResourceURL) are not URI characters: checked with
            // plain text in their place
            URI uri = new URI(url.strip().replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                    .replace("{-y}", "0").replace("{s}", "a")
                    .replaceAll("\\{(TileMatrixSet|TileMatrix|TileRow|TileCol|Style|style)}", "0"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "gis.error.external.urlScheme";
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return "gis.error.external.url";
            }
            return null;
        } catch (URISyntaxException e) {
            return "gis.error.external.url";
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
