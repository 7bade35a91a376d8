package ua.hromada.docsearch.api;

/**
 * Refused ({@link Reason#CONFLICT}): an act of the same kind with the same number and date is already in the registry. The
 * message (field {@code number}) names that act; {@link #existingActId()} leads to it.
 */
public class DuplicateActException extends ValidationException {

    private static final long serialVersionUID = 1L;
    /** Resource key of the message; parameters: number, date (dd.MM.yyyy), title, id. */
    public static final String MESSAGE_KEY = "docsearch.error.duplicate";

    private final long existingActId;

    public DuplicateActException(long existingActId, String number, String date, String title) {
        super(Reason.CONFLICT, "number", MESSAGE_KEY, number, date, title, Long.toString(existingActId));
        this.existingActId = existingActId;
    }

    public long existingActId() {
        return existingActId;
    }
}
