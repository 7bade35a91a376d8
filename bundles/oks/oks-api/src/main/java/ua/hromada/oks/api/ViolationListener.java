package ua.hromada.oks.api;

/**
 * Told after a workflow step has been committed (e.g. the e-mail to an executor organisation).
 * Called off the request thread; a failing listener never undoes the step.
 */
public interface ViolationListener {

    void stepCommitted(Violation violation, JournalEntry entry);
}
