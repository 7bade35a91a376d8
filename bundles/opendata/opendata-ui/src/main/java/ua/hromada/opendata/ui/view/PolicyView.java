package ua.hromada.opendata.ui.view;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.PolicyDocuments;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.ui.legal.LegalActField;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code opendata/policy}: the acts of document search the community names as its open-data policy
 * (the decision on open data, the list of datasets, the order naming the responsible person), shown
 * to residents as «Політика та документи» on the public open-data page. Stewards pick each act
 * with the portal's act picker, in the order residents see them.
 */
public class PolicyView extends VerticalLayout {

    public static final String ROUTE = "opendata/policy";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PolicyView.class);

    private final transient PolicyDocuments policy;
    private final transient PortalUser user;
    private final transient LegalActLookup acts;
    private final boolean edit;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<LegalActField> fields = new ArrayList<>();
    private final Paragraph empty = new Paragraph();
    private final Paragraph error = new Paragraph();
    private final Button add = new Button();
    private int next;

    /** {@code acts}: document search's acts, null while that module is not installed. */
    public PolicyView(PolicyDocuments policy, PortalUser user, LegalActLookup acts) {
        this.policy = policy;
        this.user = user;
        this.acts = acts;
        this.edit = OpendataPermissions.canEdit(user) && acts != null;
        setId("opendata-policy-view");
        setMaxWidth("60rem");
        if (!OpendataPermissions.canRead(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        add(new H2(getTranslation("opendata.ui.policy.title")), new Paragraph(getTranslation("opendata.ui.policy.help")));
        if (acts == null) {
            Paragraph absent = new Paragraph(getTranslation("opendata.ui.policy.noSearch"));
            absent.setId("opendata-policy-nosearch");
            add(absent);
        }
        empty.setId("opendata-policy-empty");
        empty.setText(getTranslation("opendata.ui.policy.empty"));
        rows.setPadding(false);
        rows.setId("opendata-policy-rows");
        add(empty, rows, OpendataUi.formError(error, "policy"));
        policy.actIds(user).forEach(this::addRow);
        if (edit) {
            add.setText(getTranslation("opendata.ui.policy.add"));
            add.setId("opendata-policy-add");
            add.addClickListener(e -> addRow(null));
            add(new HorizontalLayout(add, OpendataUi.saveButton(this, "policy", this::save)));
        }
        update();
    }

    private void addRow(Long actId) {
        LegalActField field = new LegalActField("opendata-policy-act-" + next++,
                getTranslation("opendata.ui.policy.act"), acts);
        field.setValue(actId);
        field.setReadOnly(!edit);
        field.setWidthFull();
        fields.add(field);
        HorizontalLayout row = new HorizontalLayout(field);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setFlexGrow(1, field);
        if (edit) {
            Button remove = new Button(getTranslation("opendata.ui.policy.remove"), e -> {
                fields.remove(field);
                rows.remove(row);
                update();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            row.add(remove);
        }
        rows.add(row);
        update();
    }

    private void update() {
        empty.setVisible(fields.isEmpty());
        add.setEnabled(fields.size() < PolicyDocuments.MAX);
    }

    private void save() {
        error.setVisible(false);
        try {
            policy.save(user, fields.stream().map(LegalActField::getValue).toList());
            OpendataUi.success(getTranslation("opendata.ui.policy.saved"));
        } catch (OpendataException e) {
            OpendataUi.showError(error, OpendataUi.reason(this, e));
        } catch (RuntimeException e) {
            OpendataUi.showError(error, getTranslation("opendata.ui.failed",
                    UiSupport.logFailure(LOG, "Saving the open data policy documents failed", e)));
        }
    }
}
