package ua.hromada.crm.service.queue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.LoadCell;
import ua.hromada.crm.api.LoadPlan;
import ua.hromada.crm.service.CrmDatabase;
import ua.hromada.crm.service.analytics.XlsxTables;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The load per weekday and hour over the last full weeks (today not counted: it is not over), from
 * the tickets taken and the cases registered at the front desk, and the administrators each hour
 * needs (formula in {@link LoadPlan}). Hours and weekdays are the community's.
 */
final class LoadPlanner {
    static final int MAX_WEEKS = 104;
    private static final MessageBundle TEXTS = MessageBundle.of("i18n.crm-queue-service",
            LoadPlanner.class.getClassLoader());

    /**
     * Per weekday and hour of the zone: the tickets, the front-desk cases and the finished services of the
     * period's quarters of an hour (queue_load, V10; its comment says why a quarter is always within one
     * local hour). The period runs from a local midnight to another, both whole quarters.
     */
    private static final String LOAD = "SELECT extract(isodow FROM l.quarter AT TIME ZONE ?)::int,"
            + " extract(hour FROM l.quarter AT TIME ZONE ?)::int, sum(l.tickets)::bigint, sum(l.cases)::bigint,"
            + " sum(l.served)::bigint, sum(l.served_seconds) FROM crm.queue_load l WHERE l.quarter >= ? AND l.quarter < ?"
            + " GROUP BY 1, 2 HAVING sum(l.tickets) > 0 OR sum(l.cases) > 0";

    private final CrmDatabase database;
    private final PortalSettings settings;
    private final QueueConfig config;

    LoadPlanner(CrmDatabase database, PortalSettings settings, QueueConfig config) {
        this.database = database;
        this.settings = settings;
        this.config = config;
    }

    private record Key(int weekday, int hour) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return weekday != o.weekday ? Integer.compare(weekday, o.weekday) : Integer.compare(hour, o.hour);
        }
    }

    LoadPlan plan(int weeks) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new CrmException(Map.of("weeks", "crm.queue.error.weeks"));
        }
        ZoneId zone = settings.timeZone();
        LocalDate to = settings.today().minusDays(1);
        LocalDate from = to.minusDays(7L * weeks - 1);
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        String tz = zone.getId();
        return database.read(c -> {
            Map<Key, long[]> counts = new TreeMap<>();
            long[] served = new long[1];
            BigDecimal[] servedSeconds = {BigDecimal.ZERO};
            Statements.list(c, LOAD, rs -> {
                counts.put(new Key(rs.getInt(1), rs.getInt(2)), new long[] {rs.getLong(3), rs.getLong(4)});
                served[0] += rs.getLong(5);
                servedSeconds[0] = servedSeconds[0].add(rs.getBigDecimal(6));
                return null;
            }, tz, tz, start, end);
            // null while the period has no finished service
            Double measured = served[0] == 0 ? null : servedSeconds[0].doubleValue() / served[0] / 60;
            double minutes = measured != null ? measured : Math.max(1, config.planning_service_minutes());
            double utilisation = Math.max(10, Math.min(100, config.planning_utilisation_percent())) / 100.0;
            List<LoadCell> cells = new ArrayList<>();
            counts.forEach((k, v) -> {
                double tickets = (double) v[0] / weeks;
                double cases = (double) v[1] / weeks;
                double arrivals = Math.max(tickets, cases);
                cells.add(new LoadCell(DayOfWeek.of(k.weekday()), k.hour(), tickets, cases, arrivals,
                        administrators(arrivals, minutes, utilisation)));
            });
            return new LoadPlan(weeks, from, to, minutes, measured != null, utilisation, cells);
        });
    }

    /** ceil(arrivals × minutes / 60 / utilisation); none without arrivals. */
    static int administrators(double arrivalsPerHour, double serviceMinutes, double utilisation) {
        if (arrivalsPerHour <= 0) {
            return 0;
        }
        // a hair under the next whole number is that number: 2.0000000001 from float sums stays 2
        return (int) Math.ceil(arrivalsPerHour * serviceMinutes / 60.0 / utilisation - 1e-9);
    }

    byte[] export(LoadPlan plan, Locale locale) {
        List<String> headers = List.of(text("crm.queue.export.weekday", locale), text("crm.queue.export.hour", locale),
                text("crm.queue.export.tickets", locale), text("crm.queue.export.cases", locale),
                text("crm.queue.export.arrivals", locale), text("crm.queue.export.administrators", locale));
        List<List<Object>> rows = new ArrayList<>();
        for (LoadCell cell : plan.cells()) {
            rows.add(List.of(cell.weekday().getDisplayName(TextStyle.FULL_STANDALONE, locale),
                    String.format(Locale.ROOT, "%02d:00", cell.hour()), round(cell.tickets()), round(cell.cases()),
                    round(cell.arrivals()), cell.administrators()));
        }
        List<List<Object>> about = List.of(
                List.of(text("crm.queue.export.period", locale), plan.from() + " – " + plan.to()),
                List.of(text("crm.queue.export.weeks", locale), plan.weeks()),
                List.of(text("crm.queue.export.serviceMinutes", locale), round(plan.meanServiceMinutes())),
                List.of(text("crm.queue.export.utilisation", locale), plan.utilisation()));
        return XlsxTables.write(List.of(new XlsxTables.Table(text("crm.queue.export.sheet", locale), headers, rows),
                new XlsxTables.Table(text("crm.queue.export.about", locale),
                        List.of(text("crm.queue.export.parameter", locale), text("crm.queue.export.value", locale)),
                        about)));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String text(String key, Locale locale) {
        return TEXTS.message(key, locale).orElse(key);
    }
}
