package ua.hromada.crm.api;

/**
 * A hall ticket's way: waiting in its group's line, called to a window, being served there, done;
 * or called and the visitor did not come ({@code NO_SHOW}).
 */
public enum TicketStatus {
    WAITING, CALLED, SERVING, DONE, NO_SHOW;

    /** Called or being served: the window is busy with it. */
    public boolean atWindow() {
        return this == CALLED || this == SERVING;
    }
}
