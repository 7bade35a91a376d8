package ua.hromada.crm.api;

/** What the requests are counted by: the service's card, or its queue group. */
public enum Topic {
    SERVICE, QUEUE_GROUP
}
