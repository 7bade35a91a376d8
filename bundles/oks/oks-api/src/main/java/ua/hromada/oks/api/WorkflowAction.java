package ua.hromada.oks.api;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.portal.api.MessageBundle;

/**
 * A row of the workflow-action catalogue: the action and its rules, all editable by OKS
 * administrators ({@link OksCatalog#saveAction}). The engine reads them; what it keeps fixed are
 * the invariants: a case starts with a {@link ActionEffect#DETECT} action and may be archived
 * ({@link ActionEffect#ARCHIVE}) from any state by an administrator, after which nothing follows.
 *
 * @param key         stable key, never changed: the journal refers to it (a shipped action's is its
 *                    {@link ActionKind}'s name, an added one's is generated; empty for a new action)
 * @param code        numeric code of the action, unique (the "18" of "1-18")
 * @param name        name as stored (Ukrainian, editable by administrators); {@link #name(Locale)} for readers
 * @param group       status group a violation is in after this action
 * @param responsible who takes the next step
 * @param effect      what the action does to the case besides its journal row
 * @param active      an inactive action is offered on no card (old journal rows keep it)
 * @param roles       who may take it (the archive: administrators, whatever this says)
 * @param after       keys of the actions it may follow (the archive follows every action, so its own is empty)
 * @param inputs      what its dialog shows
 * @param required    what the step needs (a subset of {@code inputs})
 * @param document    the document this step produces (printed from it), null for none
 * @param version     the row's version as read (portal-api {@code Versioned}): a save of an older one is refused
 */
public record WorkflowAction(String key, int code, String name, StatusGroup group, ResponsibleGroup responsible,
        ActionEffect effect, boolean active, Set<Role> roles, Set<String> after, Set<Input> inputs, Set<Input> required,
        ViolationDocuments.Kind document, long version) {

    /** Who may take an action. */
    public enum Role {
        /** An inspector (OKS inspector role). */
        INSPECTOR,
        /** An OKS administrator. */
        ADMIN,
        /** A member of the executor organisation the case is with. */
        EXECUTOR;

        public String messageKey() {
            return "oks.role." + name();
        }
    }

    public WorkflowAction {
        key = key == null ? "" : key;
        effect = effect == null ? ActionEffect.NONE : effect;
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        after = after == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(after));
        inputs = inputs == null || inputs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(inputs));
        required = required == null || required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    }

    /**
     * A shipped action as it was before the catalogue was open: its kind's effect, no other rule (they
     * are the catalogue's; for an update of its code, name or groups the service keeps the stored rules).
     */
    public WorkflowAction(ActionKind kind, int code, String name, StatusGroup group, ResponsibleGroup responsible,
            long version) {
        this(kind == null ? "" : kind.name(), code, name, group, responsible, kind == null ? null : kind.effect(), true,
                null, null, null, null, null, version);
    }

    /** An action as the journal and the card carry it (version 0: not for saving). */
    public WorkflowAction(ActionKind kind, int code, String name, StatusGroup group, ResponsibleGroup responsible) {
        this(kind, code, name, group, responsible, 0);
    }

    /** The shipped action this row is, null for an action an administrator added. */
    public ActionKind kind() {
        return ActionKind.ofKey(key).orElse(null);
    }

    /** Whether taking this step issues a document ({@link #document()}). */
    public boolean producesDocument() {
        return document != null;
    }

    /** English (and any further) names of the actions by kind; the Ukrainian ones are the catalogue's. */
    private static final String NAMES = "i18n.oks-actions";

    /**
     * The action's name in the reader's language: in Ukrainian the catalogue's name, as administrators
     * edited it; in another language the shipped action's name by its key, {@code oks.action.<key>} of
     * {@code i18n/oks-actions_<language>.properties} in this bundle, else (and for an action an
     * administrator added) the catalogue's name. The printed documents stay in Ukrainian and use {@link #name()}.
     */
    public String name(Locale locale) {
        if (key.isEmpty() || locale == null || locale.getLanguage().isEmpty() || "uk".equals(locale.getLanguage())) {
            return name;
        }
        return MessageBundle.of(NAMES, WorkflowAction.class.getClassLoader()).message("oks.action." + key, locale)
                .orElse(name);
    }

    /** The code as shown: "&lt;group&gt;-&lt;action&gt;", e.g. "1-18". */
    public String displayCode() {
        return group.number() + "-" + code;
    }
}
