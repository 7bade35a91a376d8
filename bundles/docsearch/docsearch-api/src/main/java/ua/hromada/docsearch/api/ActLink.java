package ua.hromada.docsearch.api;

import java.time.LocalDate;

/**
 * A link between acts as seen from one act: {@code outgoing} is true for "this act amends/cancels
 * the other", false for "the other act amends/cancels this one".
 */
public record ActLink(long otherActId, LinkType type, boolean outgoing, String otherNumber, LocalDate otherDate,
        String otherTitle) {
}
