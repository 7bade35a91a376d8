package ua.hromada.oks.api;

/**
 * What a workflow action does to a case besides writing its journal row: the behaviour the rest of
 * OKS relies on (mail to the executor, overdue, confirmation dates, the dispute's resolution). Which
 * action may follow which, who takes it and what it asks for are the catalogue's rules; the effect
 * is the one thing an action's meaning is tied to.
 */
public enum ActionEffect {
    /** Only the journal row (and a deadline or executor when the step asks for one). */
    NONE,
    /** Registration: a case starts with such an action; never a step on a card. */
    DETECT,
    /** Gives the case to an executor organisation (required); the executor is told by mail. */
    ASSIGN,
    /** Moves the deadline: a new one, later than the current, is required. */
    EXTEND,
    /** The executor's work is done: the case is no longer overdue. */
    REPORT,
    /** The fix is confirmed: the case is done and counted as fixed. */
    CONFIRM,
    /** The work goes back to the executor: overdue counts again. */
    RETURN,
    /** The executor disputes the case; the catalogue's actions that may follow it resolve it. */
    DISPUTE,
    /** The end: allowed from any state by an administrator; nothing follows it. */
    ARCHIVE;

    /** After such an action the executor has nothing left to do: the case is not overdue. */
    public boolean finishesWork() {
        return this == REPORT || this == CONFIRM || this == ARCHIVE;
    }

    /** The invariants' effects (registration, archive): never chosen for an action an administrator adds. */
    public boolean reserved() {
        return this == DETECT || this == ARCHIVE;
    }

    /** Resource-bundle key of the effect's description. */
    public String messageKey() {
        return "oks.effect." + name();
    }
}
