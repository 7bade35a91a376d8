package ua.hromada.opendata.audit.rules;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Severity;

/** Last modification older than the declared frequency allows ("on change" and "no longer updated" never are). */
public final class OverdueUpdateRule extends AbstractAuditRule {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public OverdueUpdateRule() {
        super("overdue-update", Severity.MAJOR);
    }

    @Override
    public void check(DatasetCheck c, Findings out) {
        Dataset d = c.dataset();
        if (d.lastModified() == null || d.frequency() == null) {
            return; // a missing passport field is the passport rule's finding
        }
        Optional<Period> maxAge = d.frequency().maxAge();
        if (maxAge.isEmpty()) {
            return;
        }
        LocalDate due = d.lastModified().plus(maxAge.get());
        if (due.isBefore(c.today())) {
            out.add(this, null, explain(c, "finding", DATE.format(d.lastModified()), d.frequency().label(),
                    DATE.format(due), ChronoUnit.DAYS.between(due, c.today())));
        }
    }
}
