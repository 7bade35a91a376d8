package ua.hromada.portal.shell.http;

/** How many HTTP sessions of the portal are alive (for the health detail and the tests). */
public interface SessionStats {

    int liveSessions();
}
