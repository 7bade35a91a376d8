package ua.hromada.portal.api.jobs;

public enum JobState {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED
}
