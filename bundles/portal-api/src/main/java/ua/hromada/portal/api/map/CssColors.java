package ua.hromada.portal.api.map;

import java.util.regex.Pattern;

/** The colours maps accept: hex or a CSS colour name — nothing that could carry other CSS. */
final class CssColors {

    private static final Pattern COLOR = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6}|\\p{XDigit}{8})|[a-zA-Z]{3,30}");

    private CssColors() {
    }

    static void check(String color) {
        if (color != null && !COLOR.matcher(color).matches()) {
            throw new IllegalArgumentException("color must be #rgb, #rrggbb, #rrggbbaa or a CSS colour name, got \"" + color + "\"");
        }
    }
}
