package ua.hromada.crm.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The load per hour and weekday over the last weeks and the administrators it needs. In each hour
 * {@code administrators = ceil(arrivals × meanServiceMinutes / 60 / utilisation)}: the desks' busy
 * minutes in the hour over the share of an hour a person is planned to be busy (0.85 leaves time
 * between visitors); an hour without arrivals needs none.
 *
 * @param from               the first day counted
 * @param to                 the last day counted
 * @param meanServiceMinutes the measured mean service time of the period, or the configured one
 *                           when no service was measured ({@code measured} false)
 * @param utilisation        the target share of an hour an administrator is busy (configured)
 * @param cells              the hours with any load, by weekday and hour
 */
public record LoadPlan(int weeks, LocalDate from, LocalDate to, double meanServiceMinutes, boolean measured,
        double utilisation, List<LoadCell> cells) {

    public LoadPlan {
        cells = List.copyOf(cells);
    }
}
