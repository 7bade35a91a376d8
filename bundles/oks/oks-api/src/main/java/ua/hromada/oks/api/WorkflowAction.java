package ua.hromada.oks.api;

import java.util.Locale;

import ua.hromada.portal.api.MessageBundle;

/**
 * A row of the workflow-action catalogue.
 *
 * @param kind        what the action means to the rules
 * @param code        numeric code of the action, unique (the "18" of "1-18")
 * @param name        name as stored (Ukrainian, editable by administrators); {@link #name(Locale)} for readers
 * @param group       status group a violation is in after this action
 * @param responsible who takes the next step
 * @param version     the row's version as read (portal-api {@code Versioned}): a save of an older one is refused
 */
public record WorkflowAction(ActionKind kind, int code, String name, StatusGroup group,
        ResponsibleGroup responsible, long version) {

    /** An action as the journal and the card carry it (version 0: not for saving). */
    public WorkflowAction(ActionKind kind, int code, String name, StatusGroup group, ResponsibleGroup responsible) {
        this(kind, code, name, group, responsible, 0);
    }

    /** English (and any further) names of the actions by kind; the Ukrainian ones are the catalogue's. */
    private static final String NAMES = "i18n.oks-actions";

    /**
     * The action's name in the reader's language: in Ukrainian the catalogue's name, as administrators
     * edited it; in another language the name of its kind, {@code oks.action.<KIND>} of
     * {@code i18n/oks-actions_<language>.properties} in this bundle, else the catalogue's name. The
     * printed documents stay in Ukrainian and use {@link #name()}.
     */
    public String name(Locale locale) {
        if (kind == null || locale == null || locale.getLanguage().isEmpty() || "uk".equals(locale.getLanguage())) {
            return name;
        }
        return MessageBundle.of(NAMES, WorkflowAction.class.getClassLoader()).message("oks.action." + kind.name(), locale)
                .orElse(name);
    }

    /** The code as shown: "&lt;group&gt;-&lt;action&gt;", e.g. "1-18". */
    public String displayCode() {
        return group.number() + "-" + code;
    }
}
