package ua.hromada.crm.api;

/**
 * How much a fired check weighs: an {@code ERROR} holds the hand-over to the back office until it is
 * fixed or overridden with a reason; a {@code WARNING} is shown and journalled, never holds anything.
 */
public enum FindingSeverity {
    ERROR, WARNING
}
