package ua.hromada.eservices.api;

/**
 * Appeals received in one month for one topic and unit: how many, how many answered (or handed
 * over) and how many of those late, and how many are open past their deadline now.
 *
 * @param month {@code yyyy-MM}
 */
public record AppealStatistics(String month, String topicName, String unitName, int received, int answered,
        int answeredLate, int overdueNow) {
}
