package ua.hromada.crm.api;

/**
 * Processing time of one service's cases issued in a period: registration to issue, in hours.
 *
 * @param code        the card's local code
 * @param issued      the number of cases issued
 */
public record ServiceTimes(String code, String service, long issued, double medianHours, double p90Hours) {
}
