package ua.hromada.opendata.ui.view;

import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.portal.api.PortalUser;

/** {@code opendata/managers}: the data managers with their latest audit score; a name opens its page. */
public class ManagersView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    /** {@code audit} is null while the audit bundle is absent. */
    public ManagersView(DatasetRegistry registry, OpendataAudit audit, PortalUser user) {
        setId("opendata-managers");
        setSizeFull();
        if (!OpendataPermissions.canRead(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        HorizontalLayout head = new HorizontalLayout(new H2(getTranslation("opendata.ui.managers.title")));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (OpendataPermissions.canEdit(user)) {
            Button add = new Button(getTranslation("opendata.ui.managers.add"), VaadinIcon.PLUS.create(),
                    e -> UI.getCurrent().navigate(OpendataUi.MANAGER_ROUTE + OpendataUi.NEW));
            add.setId("opendata-managers-add");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(add);
        }
        Map<Long, OpendataAudit.Score> scores = audit == null ? Map.of()
                : audit.managerScores(null).stream().collect(Collectors.toMap(OpendataAudit.Score::subjectId, s -> s,
                        (a, b) -> a));
        Grid<DataManager> grid = new Grid<>();
        grid.setId("opendata-managers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(m -> {
            Anchor a = new Anchor(OpendataUi.MANAGER_ROUTE + m.id(), m.name());
            a.addClassName("opendata-manager-name");
            return a;
        }).setHeader(getTranslation("opendata.ui.manager.name")).setFlexGrow(4).setComparator(DataManager::name);
        grid.addColumn(m -> m.edrpou() == null ? "" : m.edrpou()).setHeader(getTranslation("opendata.ui.manager.edrpou"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.responsiblePerson() == null ? "" : m.responsiblePerson())
                .setHeader(getTranslation("opendata.ui.manager.responsiblePerson")).setFlexGrow(2);
        grid.addColumn(m -> m.parentName() == null ? "" : m.parentName()).setHeader(getTranslation("opendata.ui.manager.parent"))
                .setFlexGrow(2);
        if (audit != null) {
            grid.addComponentColumn(m -> {
                OpendataAudit.Score s = scores.get(m.id());
                Span span = new Span(s == null ? "—" : OpendataUi.score(s.score()));
                if (s != null) {
                    span.getStyle().set("color", OpendataUi.scoreColor(s.score())).set("font-weight", "600");
                }
                return span;
            }).setHeader(getTranslation("opendata.ui.manager.score")).setAutoWidth(true).setFlexGrow(0)
                    .setComparator(m -> scores.containsKey(m.id()) ? scores.get(m.id()).score() : -1);
        }
        TextField filter = new TextField();
        filter.setId("opendata-managers-filter");
        filter.setPlaceholder(getTranslation("opendata.ui.managers.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        var view = grid.setItems(registry.managers(user));
        filter.addValueChangeListener(e -> view.setFilter(m -> matches(m, e.getValue())));
        grid.setEmptyStateText(getTranslation("opendata.ui.managers.empty"));
        add(head, filter, grid);
        expand(grid);
    }

    static boolean matches(DataManager m, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        return m.name().toLowerCase(java.util.Locale.ROOT).contains(t) || (m.edrpou() != null && m.edrpou().contains(t));
    }
}
