package ua.hromada.opendata.api;

import java.time.Period;
import java.util.Optional;

/**
 * The update frequencies of the national passport rules, with the longest gap between updates
 * each allows (none for "on change" and "no longer updated": those are never overdue).
 */
public enum UpdateFrequency {
    MORE_THAN_DAILY("Більш як один раз на день", Period.ofDays(1)),
    DAILY("Щодня", Period.ofDays(1)),
    WEEKLY("Щотижня", Period.ofWeeks(1)),
    MONTHLY("Щомісяця", Period.ofMonths(1)),
    QUARTERLY("Щокварталу", Period.ofMonths(3)),
    HALF_YEARLY("Кожного півріччя", Period.ofMonths(6)),
    YEARLY("Щороку", Period.ofYears(1)),
    ON_CHANGE("Відразу після внесення змін", null),
    NO_LONGER_UPDATED("Більше не оновлюється", null);

    private final String label;
    private final Period maxAge;

    UpdateFrequency(String label, Period maxAge) {
        this.label = label;
        this.maxAge = maxAge;
    }

    /** The wording of the national rules (also accepted on import). */
    public String label() {
        return label;
    }

    public Optional<Period> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    public String messageKey() {
        return "opendata.frequency." + name();
    }

    /** By the enum name or the national wording, ignoring case and surrounding spaces. */
    public static Optional<UpdateFrequency> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (UpdateFrequency f : values()) {
            if (f.name().equalsIgnoreCase(t) || f.label.equalsIgnoreCase(t)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
