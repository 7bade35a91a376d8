package ua.hromada.crm.ui.applicants;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * {@code tsnap/zaiavnyky}: the applicants by name, РНОКПП, ЄДРПОУ, document or phone, a page at a
 * time; a row opens the applicant, «Новий заявник» (the front desk) registers one.
 */
public class ApplicantsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    final TextField search = new TextField();
    final Grid<Applicant> grid = new Grid<>();
    final Button create = new Button();

    public ApplicantsView(Applicants applicants, PortalUser user) {
        setId("applicants-view");
        setSizeFull();
        add(new H2(getTranslation("crm.applicant.ui.title")));

        search.setId("applicants-search");
        search.setLabel(getTranslation("crm.applicant.ui.search"));
        search.setPlaceholder(getTranslation("crm.applicant.ui.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("min(480px, 100%)");

        create.setText(getTranslation("crm.applicant.ui.new"));
        create.setId("applicant-new");
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(user != null && user.hasPermission(CrmPermissions.ADMINISTRATOR));
        create.addClickListener(e -> create.getUI().ifPresent(ui -> ui.navigate(ApplicantsUi.PREFIX + ApplicantsUi.NEW)));
        HorizontalLayout bar = new HorizontalLayout(search, create);
        bar.setAlignItems(Alignment.BASELINE);
        bar.setWidthFull();

        grid.setId("applicants-grid");
        grid.addColumn(Applicant::id).setHeader("№").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Applicant::displayName).setHeader(getTranslation("crm.applicant.ui.col.name")).setFlexGrow(2);
        grid.addColumn(a -> getTranslation("crm.applicant.ui.kind." + a.kind().name()))
                .setHeader(getTranslation("crm.applicant.ui.col.kind")).setAutoWidth(true);
        grid.addColumn(a -> a.kind() == ApplicantKind.ORGANISATION ? a.edrpou() : a.taxNumber())
                .setHeader(getTranslation("crm.applicant.ui.col.code")).setAutoWidth(true);
        grid.addColumn(a -> DisplayFormats.date(a.birthDate()))
                .setHeader(getTranslation("crm.applicant.ui.col.birth")).setAutoWidth(true);
        grid.addColumn(Applicant::phone).setHeader(getTranslation("crm.applicant.ui.col.phone")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("crm.applicant.ui.empty"));
        grid.setPageSize(50);
        grid.setSizeFull();
        grid.setItems(q -> applicants.find(user, search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> applicants.count(user, search.getValue()));
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(ApplicantsUi.PREFIX + e.getItem().id())));
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(bar, grid);
    }
}
