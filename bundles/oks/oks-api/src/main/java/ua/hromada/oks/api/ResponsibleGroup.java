package ua.hromada.oks.api;

/** Who is expected to take the next step after an action. */
public enum ResponsibleGroup {
    ADMINISTRATORS, INSPECTORS, EXECUTORS, NONE;

    public String messageKey() {
        return "oks.responsible." + name();
    }
}
