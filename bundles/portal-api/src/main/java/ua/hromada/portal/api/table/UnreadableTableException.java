package ua.hromada.portal.api.table;

/**
 * The file cannot be read as a table (not UTF-8 text, a broken workbook, one without sheets or
 * unpacking to more than allowed). The message is the reason in English, for the log; the caller
 * shows the person its own text.
 */
public class UnreadableTableException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableTableException(String reason) {
        super(reason);
    }
}
