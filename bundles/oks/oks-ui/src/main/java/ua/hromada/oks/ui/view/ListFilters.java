package ua.hromada.oks.ui.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;

import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ViolationQuery;
import ua.hromada.oks.api.ViolationType;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalUser;

/**
 * What the list's filters offer a user: the service shows executors only their organisations'
 * cases, so their «Виконавець» filter names only those organisations (and no «Без виконавця»,
 * which is always empty for them).
 */
public final class ListFilters {

    /** Roles that see every case (the service's rule); executors see their organisations' only. */
    static final String SEES_ALL = PortalUser.anyOf(OksPermissions.VIEW, OksPermissions.INSPECT, OksPermissions.ADMINISTER);

    private ListFilters() {
    }

    public static boolean seesAll(PortalUser user) {
        return user != null && user.hasPermission(SEES_ALL);
    }

    /**
     * The «Виконавець» choices: for those who see everything «Без виконавця» ({@link ViolationQuery#NO_EXECUTOR})
     * and every organisation; for an executor their own organisations.
     */
    static List<ExecutorOrganisation> executorChoices(PortalUser user, OksCatalog catalog, String noExecutorLabel) {
        return executorChoices(user, () -> catalog.executors(true), catalog::organisationsOf, noExecutorLabel);
    }

    static List<ExecutorOrganisation> executorChoices(PortalUser user, Supplier<List<ExecutorOrganisation>> all,
            Function<String, List<ExecutorOrganisation>> organisationsOf, String noExecutorLabel) {
        List<ExecutorOrganisation> out = new ArrayList<>();
        List<ExecutorOrganisation> orgs;
        if (seesAll(user)) {
            out.add(new ExecutorOrganisation(ViolationQuery.NO_EXECUTOR, noExecutorLabel, null, null, true, List.of()));
            orgs = all.get();
        } else {
            orgs = user == null ? List.of() : organisationsOf.apply(user.username());
        }
        out.addAll(orgs.stream().sorted(Comparator.comparing(ExecutorOrganisation::name)).toList());
        return out;
    }

    /**
     * The status-group, type and executor fields as the list and the map both offer them (ids
     * {@code <idPrefix>group}, {@code …type}, {@code …executor}); each page adds its own listeners.
     */
    static void caseFields(Component page, String idPrefix, List<StatusGroup> groupChoices,
            MultiSelectComboBox<StatusGroup> groups, ComboBox<ViolationType> type, ComboBox<ExecutorOrganisation> executor,
            PortalUser user, OksCatalog catalog) {
        groups.setId(idPrefix + "group");
        groups.setLabel(page.getTranslation("oks.ui.f.group"));
        groups.setItems(groupChoices);
        groups.setItemLabelGenerator(g -> OksUi.groupName(page, g));
        groups.setPlaceholder(page.getTranslation("oks.ui.f.groupAny"));
        type.setId(idPrefix + "type");
        type.setLabel(page.getTranslation("oks.ui.f.type"));
        type.setItems(catalog.types(true));
        type.setItemLabelGenerator(ViolationType::name);
        type.setClearButtonVisible(true);
        executor.setId(idPrefix + "executor");
        executor.setLabel(page.getTranslation("oks.ui.f.executor"));
        executor.setItems(executorChoices(user, catalog, page.getTranslation("oks.ui.f.noExecutor")));
        executor.setItemLabelGenerator(ExecutorOrganisation::name);
        executor.setClearButtonVisible(true);
    }

    /** Shows the query's status groups, type and executor in the fields {@link #caseFields} made. */
    static void showCaseFields(ViolationQuery q, MultiSelectComboBox<StatusGroup> groups, ComboBox<ViolationType> type,
            ComboBox<ExecutorOrganisation> executor) {
        groups.setValue(q.groups());
        type.setValue(q.typeId() == null ? null
                : type.getListDataView().getItems().filter(t -> t.id() == q.typeId()).findFirst().orElse(null));
        executor.setValue(q.executorId() == null ? null
                : executor.getListDataView().getItems().filter(o -> o.id() == q.executorId()).findFirst().orElse(null));
    }

    /** How many cases the query matches for the user; none when the service refuses (the page shows 0). */
    static long count(Violations violations, PortalUser user, ViolationQuery q) {
        try {
            return violations.count(user, q);
        } catch (OksException e) {
            return 0;
        }
    }

    /** How many filters folded away on a phone are set (the search box stays visible, so it is not counted). */
    static int folded(ViolationQuery q) {
        int n = q.groups().isEmpty() ? 0 : 1;
        for (Object value : new Object[] {q.typeId(), q.executorId(), q.inspector(), q.createdFrom(), q.createdTo()}) {
            n += value == null ? 0 : 1;
        }
        return n + (Boolean.TRUE.equals(q.overdue()) ? 1 : 0);
    }
}
