package ua.hromada.crm.api;

import java.time.DayOfWeek;

/**
 * The hall's load in one hour of one weekday, averaged over the weeks of a {@link LoadPlan}.
 *
 * @param tickets        tickets taken in that hour, per such weekday
 * @param cases          cases registered at the front desk in that hour, per such weekday
 * @param arrivals       the visitors planned for: the larger of the two (a visit may leave a ticket,
 *                       a case or both; counting the larger does not count a visit twice)
 * @param administrators the suggested administrators at the desks in that hour ({@link LoadPlan})
 */
public record LoadCell(DayOfWeek weekday, int hour, double tickets, double cases, double arrivals,
        int administrators) {
}
