package ua.hromada.portal.shell.admin;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.PortalException.Reason;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;

/**
 * What the communities page edits of a community, and the community it saves: the fields a
 * regional administrator fills in become the community's hosts, module set and the overlay keys of
 * the portal's and the map's settings; every other overlay key and every module not installed now
 * is kept as it was. The rules of a community (id, hosts, keys) are {@code CommunityAdministration}'s;
 * the form only refuses what it cannot turn into a community (a new id already used, a centre that
 * is not two numbers).
 */
final class CommunityForm {

    static final String PORTAL_PID = "ua.hromada.portal";
    static final String MAP_PID = "ua.hromada.portal.map";
    static final String NAME = PORTAL_PID + "/community.name";
    static final String NAME_EN = PORTAL_PID + "/community.name.en";
    static final String LOGO = PORTAL_PID + "/community.logo";
    static final String CENTRE_LAT = MAP_PID + "/center.lat";
    static final String CENTRE_LON = MAP_PID + "/center.lon";

    /** The inputs a refusal can be shown at. */
    enum Field { ID, NAME, NAME_EN, HOSTS, MODULES, LOGO, CENTRE, NONE }

    /**
     * The form's values.
     *
     * @param hosts      one host name a line
     * @param allModules every module, also those installed later (the community's module set is empty)
     * @param modules    the checked modules when not all
     * @param centre     "latitude, longitude" or empty for the shared map's centre
     */
    record Values(String id, String name, String nameEn, String hosts, boolean allModules, Set<String> modules,
            String logo, String centre) {
    }

    private CommunityForm() {
    }

    /** The form of a new community: every module, nothing else set. */
    static Values empty() {
        return new Values("", "", "", "", true, Set.of(), "", "");
    }

    static Values of(Community community) {
        Map<String, String> s = community.settings();
        String lat = s.getOrDefault(CENTRE_LAT, "");
        String lon = s.getOrDefault(CENTRE_LON, "");
        return new Values(community.id(), s.getOrDefault(NAME, ""), s.getOrDefault(NAME_EN, ""),
                String.join("\n", community.hosts()), community.modules().isEmpty(), community.modules(),
                s.getOrDefault(LOGO, ""), lat.isBlank() && lon.isBlank() ? "" : lat + ", " + lon);
    }

    /**
     * The community the form describes, over what {@code existing} had (empty for a new one).
     *
     * @param installed the keys of the modules installed now (those the form shows)
     * @throws PortalException {@code admin.communities.id.taken} for a new community whose id is
     *         used, {@code admin.communities.centre.invalid} for a centre that is not a latitude and
     *         a longitude
     */
    static Community toCommunity(Values values, Optional<Community> existing, Set<String> installed,
            Communities communities) {
        String id = existing.map(Community::id).orElse(values.id().strip());
        if (existing.isEmpty() && communities.find(id).isPresent()) {
            // saving would replace that community: a new one never does
            throw new PortalException(Reason.CONFLICT, "admin.communities.id.taken", id);
        }
        List<String> hosts = Arrays.stream(values.hosts().split("\\R")).map(String::strip)
                .map(h -> h.toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).distinct().toList();
        Set<String> modules = new LinkedHashSet<>();
        if (!values.allModules()) {
            // modules not installed now keep their place in the set, as the roles page keeps grants
            existing.ifPresent(c -> c.modules().stream().filter(m -> !installed.contains(m)).forEach(modules::add));
            values.modules().stream().filter(installed::contains).forEach(modules::add);
            if (modules.isEmpty()) {
                // an empty set means every module: a community with none checked would get them all
                throw new PortalException(Reason.INVALID, "admin.communities.modules.none");
            }
        }
        Map<String, String> settings = new HashMap<>(existing.map(Community::settings).orElse(Map.of()));
        put(settings, NAME, values.name());
        put(settings, NAME_EN, values.nameEn());
        put(settings, LOGO, values.logo());
        String[] centre = centre(values.centre());
        put(settings, CENTRE_LAT, centre[0]);
        put(settings, CENTRE_LON, centre[1]);
        return new Community(id, hosts, modules, settings);
    }

    /** "lat, lon" (a comma or spaces between) as two numbers in range, or two empty texts. */
    static String[] centre(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new String[] { "", "" };
        }
        String[] parts = t.split("\\s*[,;]\\s*|\\s+");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0]);
                double lon = Double.parseDouble(parts[1]);
                if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
                    return new String[] { parts[0], parts[1] };
                }
            }
        } catch (NumberFormatException e) {
            // refused below with the form's message
        }
        throw new PortalException(Reason.INVALID, "admin.communities.centre.invalid", t);
    }

    private static void put(Map<String, String> settings, String key, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            settings.remove(key); // the shared value applies again
        } else {
            settings.put(key, v);
        }
    }

    /** The input a refusal of the service or of the form is about. */
    static Field fieldOf(PortalException refusal) {
        String key = refusal.messageKey();
        if (key.startsWith("portal.community.id.") || key.startsWith("admin.communities.id.")) {
            return Field.ID;
        }
        if (key.startsWith("portal.community.host.")) {
            return Field.HOSTS;
        }
        if (key.startsWith("portal.community.module.") || key.startsWith("admin.communities.modules.")) {
            return Field.MODULES;
        }
        if (key.startsWith("admin.communities.centre.")) {
            return Field.CENTRE;
        }
        if (key.startsWith("portal.community.setting.") && refusal.args().length > 0) {
            return switch (String.valueOf(refusal.args()[0])) {
                case NAME -> Field.NAME;
                case NAME_EN -> Field.NAME_EN;
                case LOGO -> Field.LOGO;
                case CENTRE_LAT, CENTRE_LON -> Field.CENTRE;
                default -> Field.NONE;
            };
        }
        return Field.NONE;
    }
}
