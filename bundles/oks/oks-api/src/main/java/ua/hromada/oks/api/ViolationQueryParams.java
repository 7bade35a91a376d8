package ua.hromada.oks.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ViolationQuery} as URL query parameters, so an analytics cell, a dashboard number or a
 * bookmark opens the list with exactly its filters. Unknown or malformed values are dropped (a
 * hand-edited URL shows a wider list, never an error page).
 */
public final class ViolationQueryParams {

    /** The address's value of {@link ViolationQuery#NO_EXECUTOR}. */
    static final String NONE = "none";

    private ViolationQueryParams() {
    }

    public static Map<String, List<String>> toParameters(ViolationQuery q) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (!q.groups().isEmpty()) {
            p.put("group", q.groups().stream().sorted().map(Enum::name).toList());
        }
        put(p, "action", q.actionCode());
        put(p, "effect", q.effect() == null ? null : q.effect().name());
        put(p, "responsible", q.responsible() == null ? null : q.responsible().name());
        put(p, "older", q.olderThanDays());
        put(p, "type", q.typeId());
        put(p, "executor", q.executorId() != null && q.executorId() == ViolationQuery.NO_EXECUTOR ? NONE : q.executorId());
        put(p, "inspector", q.inspector());
        put(p, "overdue", q.overdue());
        put(p, "from", q.createdFrom());
        put(p, "to", q.createdTo());
        put(p, "confirmedFrom", q.confirmedFrom());
        put(p, "confirmedTo", q.confirmedTo());
        put(p, "q", q.text());
        if (q.sort() != ViolationQuery.Sort.NEWEST) {
            p.put("sort", List.of(q.sort().name()));
        }
        return p;
    }

    public static ViolationQuery fromParameters(Map<String, List<String>> p, int limit) {
        Set<StatusGroup> groups = EnumSet.noneOf(StatusGroup.class);
        for (String g : p.getOrDefault("group", List.of())) {
            StatusGroup parsed = parseEnum(StatusGroup.class, g);
            if (parsed != null) {
                groups.add(parsed);
            }
        }
        ViolationQuery.Sort sort = parseEnum(ViolationQuery.Sort.class, first(p, "sort"));
        String overdue = first(p, "overdue");
        return new ViolationQuery(groups, parseInt(first(p, "action")), parseEnum(ActionEffect.class, first(p, "effect")),
                parseEnum(ResponsibleGroup.class, first(p, "responsible")), parseInt(first(p, "older")),
                parseLong(first(p, "type")), executor(first(p, "executor")), blankToNull(first(p, "inspector")),
                overdue == null ? null : Boolean.valueOf("true".equalsIgnoreCase(overdue)),
                parseDate(first(p, "from")), parseDate(first(p, "to")), parseDate(first(p, "confirmedFrom")),
                parseDate(first(p, "confirmedTo")), blankToNull(first(p, "q")), sort, 0, limit);
    }

    private static void put(Map<String, List<String>> p, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            p.put(key, List.of(value.toString()));
        }
    }

    private static String first(Map<String, List<String>> p, String key) {
        List<String> values = p.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long executor(String s) {
        return s != null && NONE.equalsIgnoreCase(s.trim()) ? Long.valueOf(ViolationQuery.NO_EXECUTOR) : parseLong(s);
    }

    private static Integer parseInt(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
