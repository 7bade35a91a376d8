package ua.hromada.opendata.audit.rules;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Severity;
import ua.hromada.portal.api.calendar.DisplayFormats;

/** Last modification older than the declared frequency allows ("on change" and "no longer updated" never are). */
public final class OverdueUpdateRule extends AbstractAuditRule {

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
            out.add(this, null, explain(c, "finding", DisplayFormats.DATE.format(d.lastModified()), d.frequency().label(),
                    DisplayFormats.DATE.format(due), ChronoUnit.DAYS.between(due, c.today())));
        }
    }
}
