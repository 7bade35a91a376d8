package ua.hromada.opendata.audit;

import ua.hromada.portal.api.calendar.WorkingDays;

/**
 * The official requests' settings as plain values: the answer's legal deadline in working days,
 * the community's calendar of holidays, and the largest answer file.
 */
record RequestSettings(int answerWorkingDays, WorkingDays calendar, long maxAnswerBytes) {

    /** Five working days: the answer time of Art. 20 of the Law «Про доступ до публічної інформації». */
    static final int DEFAULT_WORKING_DAYS = 5;

    /** @throws IllegalArgumentException naming a holiday that is not yyyy-MM-dd */
    static RequestSettings of(AuditConfig c) {
        return new RequestSettings(Math.max(1, c.requests_answer_working_days()), WorkingDays.ofConfig(c.holidays()),
                Math.max(1, c.requests_answer_max_mb()) * 1024L * 1024L);
    }

    /** The shipped defaults (the .cfg file repeats them): no holidays listed. */
    static RequestSettings defaults() {
        return new RequestSettings(DEFAULT_WORKING_DAYS, WorkingDays.ofConfig(), 10L * 1024 * 1024);
    }
}
