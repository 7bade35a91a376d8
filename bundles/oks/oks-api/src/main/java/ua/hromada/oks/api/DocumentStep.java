package ua.hromada.oks.api;

import java.time.Instant;

/**
 * A step of a case's journal whose action produces a document ({@link WorkflowAction#document()})
 * and which has none issued yet: the card offers to issue it.
 */
public record DocumentStep(long journalEntryId, Instant at, String actionName, ViolationDocuments.Kind kind) {
}
