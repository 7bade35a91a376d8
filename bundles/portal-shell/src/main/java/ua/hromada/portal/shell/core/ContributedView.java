package ua.hromada.portal.shell.core;

import java.util.Map;

import ua.hromada.portal.api.PortalView;

/**
 * A contributed page as its service properties describe it ({@link PortalView}): what the shell
 * routes and lists without activating the contribution.
 *
 * @param requiredPermission null when any signed-in user may open the page
 * @param icon               null when the page has none
 * @param viewClassName      the view's class, loaded from the contributing bundle
 * @param summaryKey         text key of the one-line description on a public entry's tile; null for none
 */
public record ContributedView(String route, String titleKey, String section, String icon, int order,
        String requiredPermission, boolean inMenu, boolean isPublic, String viewClassName, String summaryKey) {

    /** A page without a summary. */
    public ContributedView(String route, String titleKey, String section, String icon, int order,
            String requiredPermission, boolean inMenu, boolean isPublic, String viewClassName) {
        this(route, titleKey, section, icon, order, requiredPermission, inMenu, isPublic, viewClassName, null);
    }

    /**
     * A public entry: an open page in the menu, which is a tile of the public home page and a link
     * of the public frame (never an item of the employees' menu).
     */
    public boolean isPublicEntry() {
        return isPublic && inMenu;
    }

    /**
     * The page the properties of a {@code ViewContribution} service describe.
     *
     * @throws IllegalArgumentException when a property without default is missing (a contribution
     *                                  without {@code @PortalView})
     */
    public static ContributedView of(Map<String, ?> properties) {
        return new ContributedView(required(properties, PortalView.ROUTE), required(properties, PortalView.TITLE),
                required(properties, PortalView.SECTION), optional(properties, PortalView.ICON),
                number(properties.get(PortalView.ORDER), 100), optional(properties, PortalView.PERMISSION),
                flag(properties.get(PortalView.MENU), true), flag(properties.get(PortalView.OPEN), false),
                required(properties, PortalView.VIEW), optional(properties, PortalView.SUMMARY));
    }

    private static String required(Map<String, ?> properties, String name) {
        String value = optional(properties, name);
        if (value == null) {
            throw new IllegalArgumentException("no service property " + name + " (is @PortalView on the component?)");
        }
        return value;
    }

    /** Empty means "none": an annotation element cannot default to null. */
    private static String optional(Map<String, ?> properties, String name) {
        Object value = properties.get(name);
        String text = value == null ? "" : value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static int number(Object value, int otherwise) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? otherwise : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("service property " + PortalView.ORDER + " is not a number: " + value);
        }
    }

    private static boolean flag(Object value, boolean otherwise) {
        return value == null ? otherwise : Boolean.parseBoolean(value.toString().trim());
    }
}
