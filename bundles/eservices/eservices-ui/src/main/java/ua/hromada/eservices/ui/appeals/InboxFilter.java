package ua.hromada.eservices.ui.appeals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.AppealStatus;

/**
 * The inbox's filters as the page's address keeps them ({@code unit}, {@code status}, {@code topic},
 * {@code q}, {@code overdue=true}), so the dashboard's numbers and bookmarks open exactly their list.
 * A value that cannot be read is left out.
 */
record InboxFilter(Long unitId, AppealStatus status, Long topicId, String text, boolean overdueOnly) {

    static final InboxFilter NONE = new InboxFilter(null, null, null, null, false);

    AppealQuery page(int offset, int limit) {
        return new AppealQuery(unitId, status, topicId, text, overdueOnly, offset, limit);
    }

    static InboxFilter fromParameters(Map<String, List<String>> params) {
        return new InboxFilter(number(first(params, "unit")), status(first(params, "status")),
                number(first(params, "topic")), AppealsUi.trimmed(first(params, "q")),
                "true".equals(first(params, "overdue")));
    }

    Map<String, List<String>> toParameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (unitId != null) {
            out.put("unit", List.of(unitId.toString()));
        }
        if (status != null) {
            out.put("status", List.of(status.name()));
        }
        if (topicId != null) {
            out.put("topic", List.of(topicId.toString()));
        }
        if (text != null) {
            out.put("q", List.of(text));
        }
        if (overdueOnly) {
            out.put("overdue", List.of("true"));
        }
        return out;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Long number(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static AppealStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return AppealStatus.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
