package ua.hromada.opendata.api;

public enum Severity {
    CRITICAL, MAJOR, MINOR;

    public String messageKey() {
        return "opendata.severity." + name();
    }
}
