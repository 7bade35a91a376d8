package ua.hromada.crm.api;

import java.time.Instant;

/** One saved version of a service card: its number, when and by whom it was saved. */
public record CardRevision(int cardVersion, Instant savedAt, String savedBy) {
}
