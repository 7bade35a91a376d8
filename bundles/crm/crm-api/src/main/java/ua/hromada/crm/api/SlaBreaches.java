package ua.hromada.crm.api;

/**
 * Deadline breaches of one service's cases registered in a period.
 *
 * @param cases       the cases registered
 * @param issuedLate  issued after the deadline day
 * @param openOverdue not issued nor cancelled and past the deadline today
 */
public record SlaBreaches(String code, String service, long cases, long issuedLate, long openOverdue) {

    public long breaches() {
        return issuedLate + openOverdue;
    }
}
