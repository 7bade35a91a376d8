package ua.hromada.opendata.ui.view;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code opendata/obligations}: the national list of datasets local self-government bodies must
 * publish. A row opens in the form below it; stewards change it or add new items.
 */
public class ObligationsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ObligationsView.class);

    private final transient DatasetRegistry registry;
    private final transient PortalUser user;
    private final Grid<Obligation> grid = new Grid<>();
    private final TextField code = new TextField();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final TextArea legalBasis = new TextArea();
    private final Paragraph error = new Paragraph();
    private Obligation editing;

    public ObligationsView(DatasetRegistry registry, PortalUser user) {
        this.registry = registry;
        this.user = user;
        setId("opendata-obligations");
        setSizeFull();
        if (!OpendataPermissions.canRead(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        boolean edit = OpendataPermissions.canEdit(user);
        add(new H2(getTranslation("opendata.ui.obligations.title")), new Paragraph(getTranslation("opendata.ui.obligations.help")));
        OpendataUi.listGrid(grid, "opendata-obligations-grid");
        grid.addColumn(Obligation::code).setHeader(getTranslation("opendata.ui.obligation.code")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Obligation::title).setHeader(getTranslation("opendata.ui.obligation.title")).setFlexGrow(3);
        grid.addColumn(o -> o.legalBasis() == null ? "" : o.legalBasis())
                .setHeader(getTranslation("opendata.ui.obligation.legalBasis")).setFlexGrow(2);
        grid.setItems(registry.obligations());
        add(grid);
        expand(grid);
        if (!edit) {
            return;
        }
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        FormLayout form = new FormLayout();
        form.setId("opendata-obligation-form");
        code.setLabel(getTranslation("opendata.ui.obligation.code"));
        code.setId("opendata-o-code");
        title.setLabel(getTranslation("opendata.ui.obligation.title"));
        title.setId("opendata-o-title");
        description.setLabel(getTranslation("opendata.ui.obligation.description"));
        description.setId("opendata-o-description");
        legalBasis.setLabel(getTranslation("opendata.ui.obligation.legalBasis"));
        legalBasis.setId("opendata-o-legalBasis");
        form.add(code, title, description, legalBasis);
        form.setColspan(title, 1);
        OpendataUi.formError(error, "obligation");
        Button create = OpendataUi.newButton(this, "obligation", () -> {
            grid.asSingleSelect().clear();
            edit(null);
            code.focus();
        });
        add(form, error, new HorizontalLayout(OpendataUi.saveButton(this, "obligation", this::save), create));
    }

    private void edit(Obligation o) {
        editing = o;
        error.setVisible(false);
        code.setValue(o == null ? "" : o.code());
        title.setValue(o == null ? "" : o.title());
        description.setValue(o == null || o.description() == null ? "" : o.description());
        legalBasis.setValue(o == null || o.legalBasis() == null ? "" : o.legalBasis());
    }

    private void save() {
        error.setVisible(false);
        try {
            Obligation saved = registry.saveObligation(user, new Obligation(editing == null ? 0 : editing.id(), code.getValue(),
                    title.getValue(), description.getValue(), legalBasis.getValue()));
            grid.setItems(registry.obligations());
            grid.select(saved);
            OpendataUi.success(getTranslation("opendata.ui.obligation.saved", saved.code()));
        } catch (OpendataException e) {
            OpendataUi.showError(error, OpendataUi.reason(this, e));
        } catch (RuntimeException e) {
            OpendataUi.showError(error, getTranslation("opendata.ui.failed", UiSupport.logFailure(LOG, "Saving an obligation failed", e)));
        }
    }
}
