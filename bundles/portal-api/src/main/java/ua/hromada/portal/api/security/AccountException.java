package ua.hromada.portal.api.security;

/** A refused account or role change; {@link #messageKey()} is a resource-bundle key for the UI. */
public class AccountException extends RuntimeException {
    private final String messageKey;

    public AccountException(String messageKey, String detail) {
        super(detail);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
