package ua.hromada.oks.ui.view;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationQueryParams;

/**
 * The map's filters — status groups, type, executor, registration period — as a
 * {@link ViolationQuery} and back to the address, in the list's parameters
 * ({@link ViolationQueryParams}): {@code oks/map?group=SENT&type=3} opens the map so filtered, and
 * the same parameters on {@code oks/violations} list the same cases. The map shows current cases
 * only and has no field for the list's other conditions (text, inspector, overdue, analytics
 * drill-downs): an address's such conditions are dropped rather than applied unseen.
 */
final class MapFilters {

    /** The map's query is never paged; the service ignores the limit, the record needs one. */
    private static final int LIMIT = 1;

    private MapFilters() {
    }

    /** The groups the map offers: the current ones (the legend's), not the archive. */
    static List<StatusGroup> groups() {
        return java.util.Arrays.stream(StatusGroup.values()).filter(StatusGroup::current).toList();
    }

    static ViolationQuery of(Set<StatusGroup> groups, Long typeId, Long executorId, LocalDate from, LocalDate to) {
        Set<StatusGroup> current = groups == null ? Set.of()
                : groups.stream().filter(StatusGroup::current).collect(Collectors.toUnmodifiableSet());
        return new ViolationQuery(current, null, null, null, typeId, executorId, null, null, from, to, null, null,
                null, ViolationQuery.Sort.NEWEST, 0, LIMIT);
    }

    /** The map's filters of an address (unknown or malformed values dropped, as the list does). */
    static ViolationQuery fromAddress(Map<String, List<String>> parameters) {
        ViolationQuery q = ViolationQueryParams.fromParameters(parameters, LIMIT);
        return of(q.groups(), q.typeId(), q.executorId(), q.createdFrom(), q.createdTo());
    }

    static Map<String, List<String>> toAddress(ViolationQuery q) {
        return ViolationQueryParams.toParameters(q);
    }

    /** How many of the map's filters are set (the reset button is offered when any is). */
    static int set(ViolationQuery q) {
        int n = q.groups().isEmpty() ? 0 : 1;
        for (Object value : new Object[] {q.typeId(), q.executorId(), q.createdFrom(), q.createdTo()}) {
            n += value == null ? 0 : 1;
        }
        return n;
    }
}
