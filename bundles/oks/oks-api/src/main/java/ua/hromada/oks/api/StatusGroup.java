package ua.hromada.oks.api;

/**
 * The status groups a violation passes through; every workflow action belongs to one. The number
 * is the first half of an action's displayed code ("2-2").
 */
public enum StatusGroup {
    UNASSIGNED(1, "#d32f2f"), SENT(2, "#f57c00"), IN_PROGRESS(3, "#1976d2"), DONE(4, "#388e3c"),
    CONFLICT(5, "#7b1fa2"), ARCHIVED(6, "#757575");

    private final int number;
    private final String color;

    StatusGroup(int number, String color) {
        this.number = number;
        this.color = color;
    }

    /** The group's colour on maps and in legends, the same in every view and layer. */
    public String color() {
        return color;
    }

    public int number() {
        return number;
    }

    /** Resource-bundle key of the Ukrainian name, e.g. "Без виконавця". */
    public String messageKey() {
        return "oks.group." + name();
    }

    /** Groups of the cases still being worked on (everything but the archive). */
    public boolean current() {
        return this != ARCHIVED;
    }

    public static StatusGroup ofNumber(int number) {
        for (StatusGroup g : values()) {
            if (g.number == number) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown status group " + number);
    }
}
