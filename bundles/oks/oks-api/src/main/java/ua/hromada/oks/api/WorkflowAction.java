package ua.hromada.oks.api;

/**
 * A row of the workflow-action catalogue.
 *
 * @param kind        what the action means to the rules
 * @param code        numeric code of the action, unique (the "18" of "1-18")
 * @param name        name as shown (Ukrainian, editable by administrators)
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

    /** The code as shown: "&lt;group&gt;-&lt;action&gt;", e.g. "1-18". */
    public String displayCode() {
        return group.number() + "-" + code;
    }
}
