package ua.hromada.crm.api;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import ua.hromada.portal.api.PortalUser;

/**
 * The hall's electronic queue: tickets per queue group and day, the desks (windows) that call them,
 * today's visitors with waiting and service times, the hall display, and the load per hour and
 * weekday for planning shifts. The desk's steps need {@link CrmPermissions#ADMINISTRATOR} (or the
 * head); the plan needs {@link CrmPermissions#HEAD}; the display's calls are public (numbers and
 * windows only).
 */
public interface Queue {

    /** The groups of the active cards, each with its letter. */
    List<QueueGroup> groups(PortalUser user);

    /** A new ticket of the group for today, numbered after the group's last ticket of the day. */
    Ticket take(PortalUser user, String group);

    /**
     * Calls the ticket that waits longest among the groups the desk serves to the window; empty when
     * none waits. Refused while the window still has a called or served ticket.
     */
    Optional<Ticket> callNext(PortalUser user, int window, Collection<String> groups);

    /** The ticket called to the window or served there now, if any. */
    Optional<Ticket> atWindow(PortalUser user, int window);

    /** The visitor came: service starts. */
    Ticket start(PortalUser user, long ticketId);

    /**
     * Service ended; {@code caseNumber} links the case opened for the visitor by its registration
     * number (null or blank: none).
     */
    Ticket finish(PortalUser user, long ticketId, String caseNumber);

    /** The visitor called did not come. */
    Ticket noShow(PortalUser user, long ticketId);

    /** Today's tickets, in the order taken. */
    List<Ticket> today(PortalUser user);

    /** The display's lines: today's latest calls, newest first. */
    List<DeskCall> board();

    /**
     * Tells {@code display} the display's lines after each call in the current community, until the
     * returned registration is closed.
     */
    AutoCloseable onCall(Consumer<List<DeskCall>> display);

    /** The load over the last {@code weeks} full weeks before today. */
    LoadPlan load(PortalUser user, int weeks);

    /** The weeks the planning page counts unless the head chooses others (configured). */
    int planningWeeks();

    /** {@link #load} as an XLSX workbook, headed in the language given. */
    byte[] exportLoad(PortalUser user, int weeks, Locale locale);
}
