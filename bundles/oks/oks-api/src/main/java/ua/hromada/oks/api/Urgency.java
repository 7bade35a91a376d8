package ua.hromada.oks.api;

public enum Urgency {
    NORMAL, URGENT;

    public String messageKey() {
        return "oks.urgency." + name();
    }
}
