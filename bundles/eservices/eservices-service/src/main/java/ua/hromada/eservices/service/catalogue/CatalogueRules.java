package ua.hromada.eservices.service.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.PortalUser;

/**
 * The rules of a catalogue entry and of a category or life situation, in one place: the editor's
 * form, the import's rows and the service all ask them (field → message key).
 */
final class CatalogueRules {
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{2,40}");
    static final int NAME_MAX = 300;
    static final int TERM_NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 1000;
    static final int URL_MAX = 2000;

    private CatalogueRules() {
    }

    static void requireEditor(PortalUser user) {
        if (user == null || !user.hasPermission(EservicesPermissions.CATALOGUE)) {
            throw new EservicesException(Reason.FORBIDDEN, "eservices.error.forbidden");
        }
    }

    /** Trimmed, blanks as null; the lists and enums as given. */
    static EService normalised(EService s) {
        return new EService(s.id(), blankToNull(s.code()), blankToNull(s.name()), blankToNull(s.description()),
                blankToNull(s.url()), s.categoryId(), s.situationIds().stream().distinct().toList(), s.audience(),
                s.provider(), s.unitId(), s.status(), s.position(), s.version(), s.link());
    }

    /** Field → message key for every rule the service breaks on its own (references are checked against the data). */
    static Map<String, String> check(EService s) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (s.code() == null || !CODE.matcher(s.code()).matches()) {
            errors.put("code", "eservices.catalogue.error.code");
        }
        if (s.name() == null || s.name().length() > NAME_MAX) {
            errors.put("name", "eservices.catalogue.error.name");
        }
        if (s.description() != null && s.description().length() > DESCRIPTION_MAX) {
            errors.put("description", "eservices.catalogue.error.description");
        }
        if (!webAddress(s.url())) {
            errors.put("url", "eservices.catalogue.error.url");
        }
        if (s.audience() == null) {
            errors.put("audience", "eservices.catalogue.error.audience");
        }
        if (s.provider() == null) {
            errors.put("provider", "eservices.catalogue.error.provider");
        }
        if (s.status() == null) {
            errors.put("status", "eservices.catalogue.error.status");
        }
        return errors;
    }

    /** A category's or life situation's own fields. */
    static Map<String, String> checkTerm(String code, String name) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.put("code", "eservices.catalogue.error.code");
        }
        if (name == null || name.length() > TERM_NAME_MAX) {
            errors.put("name", "eservices.catalogue.error.termName");
        }
        return errors;
    }

    /** An absolute http or https address with a host, as a browser opens it. */
    static boolean webAddress(String url) {
        if (url == null || url.length() > URL_MAX || url.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
