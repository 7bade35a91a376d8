package ua.hromada.opendata.ui.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.Severity;

/** Findings grouped by severity, most severe first; within a group by dataset title, then rule. */
public final class FindingGroups {

    private FindingGroups() {
    }

    public static Map<Severity, List<Finding>> bySeverity(List<Finding> findings) {
        Map<Severity, List<Finding>> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, new ArrayList<>());
        }
        for (Finding f : findings) {
            out.get(f.severity()).add(f);
        }
        Comparator<Finding> order = Comparator.comparing((Finding f) -> f.datasetTitle() == null ? "" : f.datasetTitle(),
                String.CASE_INSENSITIVE_ORDER).thenComparing(Finding::rule).thenComparingLong(Finding::id);
        out.values().forEach(list -> list.sort(order));
        return out;
    }

    /** Counts per severity (every severity present, zero included). */
    public static Map<Severity, Integer> counts(List<Finding> findings) {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, 0);
        }
        for (Finding f : findings) {
            out.merge(f.severity(), 1, Integer::sum);
        }
        return out;
    }
}
