package ua.hromada.eservices.api;

/**
 * The link monitor's verdict on a service's address: not checked yet, answering, or broken (the
 * last checks failed one after another, see {@link LinkMonitor}).
 */
public enum LinkState {
    UNCHECKED, OK, BROKEN
}
