package ua.hromada.portal.shell.core;

/** One-line texts of exceptions for admins: the root cause's message, its first line only. */
final class Errors {

    private Errors() {
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return firstLine(message);
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).trim();
    }
}
