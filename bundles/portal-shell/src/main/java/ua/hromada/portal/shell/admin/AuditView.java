package ua.hromada.portal.shell.admin;

import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.audit.AuditLog.AuditEntry;
import ua.hromada.portal.api.audit.AuditLog.AuditQuery;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.shell.core.PortalTimes;

/**
 * Admin: the audit log — who changed what and when — with filters and lazy paging. It lists the
 * current community's entries; a regional administrator picks the community.
 */
public class AuditView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /**
     * @param texts a key's text in the page's language, empty when no bundle has it
     * @param times the community's time zone
     * @param communities the communities to pick from: a regional administrator's; null for anyone else
     */
    public AuditView(AuditLog audit, Function<String, Optional<String>> texts, PortalTimes times,
            Communities communities) {
        AuditTexts render = new AuditTexts(texts, times);
        setId("audit-view");
        setSizeFull();
        TextField actor = new TextField(getTranslation("admin.audit.actor"));
        TextField module = new TextField(getTranslation("admin.audit.module"));
        TextField text = new TextField(getTranslation("admin.audit.text"));
        DatePicker from = new DatePicker(getTranslation("admin.audit.from"));
        DatePicker to = new DatePicker(getTranslation("admin.audit.to"));
        for (TextField f : new TextField[] { actor, module, text }) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.setClearButtonVisible(true);
        }
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        ComboBox<Community> community = new ComboBox<>(getTranslation("admin.audit.community"));
        community.setId("audit-community");
        if (communities != null) {
            community.setItems(communities.all());
            community.setItemLabelGenerator(Community::name);
            community.setValue(communities.current());
        }
        community.setVisible(communities != null);
        HorizontalLayout filters = new HorizontalLayout(community, actor, module, text, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        CallbackDataProvider<AuditEntry, AuditQuery> provider = DataProvider.fromFilteringCallbacks(
                q -> audit.find(q.getFilter().orElse(AuditQuery.all()), q.getOffset(), q.getLimit()).stream(),
                q -> (int) audit.count(q.getFilter().orElse(AuditQuery.all())));
        ConfigurableFilterDataProvider<AuditEntry, Void, AuditQuery> data = provider.withConfigurableFilter();
        Runnable apply = () -> data.setFilter(new AuditQuery(blankToNull(actor.getValue()),
                blankToNull(module.getValue()), null, blankToNull(text.getValue()), times.startOf(from.getValue()),
                times.startOf(to.getValue() == null ? null : to.getValue().plusDays(1)),
                community.getValue() == null ? null : community.getValue().id()));
        community.addValueChangeListener(e -> apply.run());
        actor.addValueChangeListener(e -> apply.run());
        module.addValueChangeListener(e -> apply.run());
        text.addValueChangeListener(e -> apply.run());
        from.addValueChangeListener(e -> apply.run());
        to.addValueChangeListener(e -> apply.run());

        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("audit-grid");
        grid.addColumn(e -> times.seconds(e.at())).setHeader(getTranslation("admin.audit.at")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("admin.audit.actor")).setAutoWidth(true);
        // the module by its menu name ("ОКС"), its key when it has none; the filter takes the key
        grid.addColumn(e -> texts.apply("menu.section." + e.module()).orElse(e.module()))
                .setHeader(getTranslation("admin.audit.module")).setAutoWidth(true);
        grid.addColumn(render::entity).setHeader(getTranslation("admin.audit.entity")).setAutoWidth(true);
        grid.addColumn(render::action).setHeader(getTranslation("admin.audit.action")).setAutoWidth(true);
        grid.addColumn(e -> render.changes(e.changes())).setHeader(getTranslation("admin.audit.changes"))
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("admin.audit.empty"));
        grid.setItems(data);
        add(filters, grid);
        expand(grid);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
