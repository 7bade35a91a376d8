package ua.hromada.crm.api;

import java.time.Instant;

/**
 * A line of the hall display: the ticket called and the window to go to; nothing personal, the
 * display may hang in the public hall.
 */
public record DeskCall(String number, int window, Instant calledAt) {
}
