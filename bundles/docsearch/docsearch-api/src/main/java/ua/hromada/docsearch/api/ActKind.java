package ua.hromada.docsearch.api;

import java.util.Locale;

import ua.hromada.portal.api.MessageBundle;

/**
 * A kind of document from the catalogue, e.g. code {@code council-decision}, name "Рішення сесії
 * міської ради". The name is the catalogue's (Ukrainian, kept in the database); {@link #name(Locale)}
 * gives it in the reader's language.
 */
public record ActKind(String code, String name) {

    /** English (and any further) names of the shipped kinds, by code; Ukrainian ones are the catalogue's. */
    private static final String NAMES = "i18n.docsearch-kinds";

    /** The kind's name in the reader's language (see {@link #localName(String, String, Locale)}). */
    public String name(Locale locale) {
        return localName(code, name, locale);
    }

    /**
     * A kind's name in a language: in Ukrainian the catalogue's own name (administrators keep it in the
     * database); in another language the shipped kind's name by code, {@code docsearch.kind.<code>} of
     * {@code i18n/docsearch-kinds_<language>.properties} in this bundle. A kind an administrator added
     * has no such key and keeps its catalogue name in every language.
     *
     * @param storedName the catalogue's name, e.g. a search hit's
     */
    public static String localName(String code, String storedName, Locale locale) {
        if (code == null || locale == null || locale.getLanguage().isEmpty() || "uk".equals(locale.getLanguage())) {
            return storedName;
        }
        return MessageBundle.of(NAMES, ActKind.class.getClassLoader()).message("docsearch.kind." + code, locale)
                .orElse(storedName);
    }
}
