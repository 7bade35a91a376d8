package ua.hromada.opendata.ui.view;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * A data manager ({@code opendata/manager/:id}, "new" for an empty form): its details, the items
 * of the national list it must publish (its obligations), its latest score and its datasets.
 */
public class ManagerView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ManagerView.class);
    /** A manager's page lists this many of its datasets; the registry link shows them all. */
    static final int DATASETS_SHOWN = 200;

    private final transient RegistryActions actions;
    /** Null while the audit bundle is absent. */
    private final transient OpendataAudit audit;
    private final transient DatasetRegistry registry;
    private final transient PortalUser user;
    private DataManager loaded;
    private final Paragraph error = new Paragraph();
    private final TextField name = new TextField();
    private final TextField edrpou = new TextField();
    private final TextField responsiblePerson = new TextField();
    private final TextField email = new TextField();
    private final TextField phone = new TextField();
    private final ComboBox<DataManager> parent = new ComboBox<>();
    private final LabelledFields inputs = new LabelledFields();

    public ManagerView(DatasetRegistry registry, RegistryActions actions, OpendataAudit audit, PortalUser user) {
        this.registry = registry;
        this.actions = actions;
        this.audit = audit;
        this.user = user;
        setId("opendata-manager");
        setMaxWidth("70rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OpendataUi.openDetail(this, event, user, registry::manager, this::show, "opendata-manager-not-found",
                "opendata.ui.manager.notFound", OpendataUi.MANAGERS_ROUTE, "opendata.ui.manager.back");
    }

    private void show(DataManager m) {
        removeAll();
        loaded = m;
        boolean edit = OpendataPermissions.canEdit(user);
        Anchor back = new Anchor(OpendataUi.MANAGERS_ROUTE, getTranslation("opendata.ui.manager.back"));
        H2 heading = new H2(m == null ? getTranslation("opendata.ui.manager.new") : m.name());
        heading.setId("opendata-manager-heading");
        add(back, heading);
        if (m != null) {
            score(m).ifPresent(this::add);
        }
        OpendataUi.formError(error, "manager");
        add(error, form(m, edit));
        if (edit) {
            add(OpendataUi.formActions(this, "manager", this::save, m == null ? null : m.name(),
                    m == null ? null : () -> delete(m)));
        }
        if (m != null) {
            add(obligations(m, edit), datasets(m, edit));
        }
    }

    private FormLayout form(DataManager m, boolean edit) {
        FormLayout form = new FormLayout();
        form.setId("opendata-manager-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        field(form, name, "name", 2);
        name.setRequiredIndicatorVisible(true);
        field(form, edrpou, "edrpou", 1);
        edrpou.setMaxLength(8);
        edrpou.setAllowedCharPattern("[0-9]");
        field(form, responsiblePerson, "responsiblePerson", 1);
        field(form, email, "email", 1);
        field(form, phone, "phone", 1);
        parent.setItems(registry.managers(user).stream().filter(p -> m == null || p.id() != m.id()).toList());
        parent.setItemLabelGenerator(DataManager::name);
        parent.setClearButtonVisible(true);
        field(form, parent, "parent", 2);
        if (m != null) {
            name.setValue(m.name());
            edrpou.setValue(m.edrpou() == null ? "" : m.edrpou());
            responsiblePerson.setValue(m.responsiblePerson() == null ? "" : m.responsiblePerson());
            email.setValue(m.email() == null ? "" : m.email());
            phone.setValue(m.phone() == null ? "" : m.phone());
            if (m.parentId() != null) {
                parent.getListDataView().getItems().filter(p -> p.id() == m.parentId()).findFirst().ifPresent(parent::setValue);
            }
        }
        inputs.setReadOnly(!edit);
        return form;
    }

    private <C extends Component & HasValidation> void field(FormLayout form, C field, String key, int colspan) {
        inputs.add(form, field, getTranslation("opendata.ui.manager." + key), "opendata-m-" + key, colspan);
    }

    private void save() {
        error.setVisible(false);
        inputs.clear();
        DataManager p = parent.getValue();
        DataManager m = new DataManager(loaded == null ? 0 : loaded.id(), name.getValue(), edrpou.getValue(),
                responsiblePerson.getValue(), email.getValue(), phone.getValue(), p == null ? null : p.id(),
                p == null ? null : p.name(), loaded == null ? 0 : loaded.version());
        try {
            DataManager saved = registry.saveManager(user, m);
            OpendataUi.success(getTranslation("opendata.ui.manager.saved", saved.name()));
            if (loaded == null) {
                UI.getCurrent().navigate(OpendataUi.MANAGER_ROUTE + saved.id());
            } else {
                show(saved);
            }
        } catch (EditConflictException e) {
            // someone saved the manager meanwhile: nothing of this form was saved; offer the current one
            long id = loaded.id();
            EditConflicts.show(this, () -> registry.manager(id).ifPresentOrElse(this::show,
                    () -> UI.getCurrent().navigate(OpendataUi.MANAGERS_ROUTE)));
        } catch (OpendataException e) {
            String message = OpendataUi.reason(this, e);
            OpendataUi.showError(error, message);
            inputs.mark(fieldOf(e), message);
        } catch (RuntimeException e) {
            String id = UiSupport.logFailure(LOG, "Saving a data manager failed", e);
            OpendataUi.showError(error, getTranslation("opendata.ui.failed", id));
        }
    }

    private void delete(DataManager m) {
        try {
            actions.deleteManager(user, m.id());
            OpendataUi.success(getTranslation("opendata.ui.manager.deleted", m.name()));
            UI.getCurrent().navigate(OpendataUi.MANAGERS_ROUTE);
        } catch (OpendataException e) {
            // e.g. datasets or official requests still belong to it: the reason says which
            OpendataUi.showError(error, OpendataUi.reason(this, e));
            OpendataUi.error(error.getText());
        }
    }

    private HasValidation fieldOf(OpendataException e) {
        return inputs.fieldOf(e, key -> switch (key) {
            case "opendata.error.edrpou", "opendata.error.edrpouTaken" -> edrpou;
            case "opendata.error.managerNameTaken" -> name;
            case "opendata.error.phone" -> phone;
            case "opendata.error.email" -> email;
            case "opendata.error.parentCycle", "opendata.error.parentUnknown" -> parent;
            default -> null;
        });
    }

    private Optional<Component> score(DataManager m) {
        if (audit == null) {
            return Optional.empty();
        }
        Optional<OpendataAudit.Score> s = audit.managerScores(null).stream().filter(x -> x.subjectId() == m.id())
                .findFirst();
        Span text = new Span(getTranslation("opendata.ui.manager.scoreLine", s.map(x -> OpendataUi.score(x.score())).orElse("—"),
                s.map(OpendataAudit.Score::findings).orElse(0)));
        text.setId("opendata-manager-score");
        s.ifPresent(x -> text.getStyle().set("color", OpendataUi.scoreColor(x.score())).set("font-weight", "600"));
        return Optional.of(text);
    }

    private Component obligations(DataManager m, boolean edit) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(getTranslation("opendata.ui.manager.obligations")));
        MultiSelectComboBox<Obligation> pick = new MultiSelectComboBox<>();
        pick.setId("opendata-manager-obligations");
        pick.setWidthFull();
        List<Obligation> all = registry.obligations();
        pick.setItems(all);
        pick.setItemLabelGenerator(o -> o.code() + " — " + o.title());
        Set<Long> mine = new LinkedHashSet<>(registry.obligationsOf(m.id()).stream().map(Obligation::id).toList());
        pick.setValue(new LinkedHashSet<>(all.stream().filter(o -> mine.contains(o.id())).toList()));
        pick.setReadOnly(!edit);
        pick.setHelperText(getTranslation("opendata.ui.manager.obligationsHelp"));
        box.add(pick);
        if (edit) {
            Button save = new Button(getTranslation("opendata.ui.manager.saveObligations"), e -> {
                try {
                    registry.setObligations(user, m.id(), pick.getSelectedItems().stream().map(Obligation::id).toList());
                    OpendataUi.success(getTranslation("opendata.ui.manager.obligationsSaved", pick.getSelectedItems().size()));
                } catch (OpendataException ex) {
                    OpendataUi.error(OpendataUi.reason(this, ex));
                }
            });
            save.setId("opendata-manager-obligations-save");
            box.add(save);
        }
        return box;
    }

    private Component datasets(DataManager m, boolean edit) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        DatasetQuery q = new DatasetQuery(null, m.id(), null, null, null, null, 0, DATASETS_SHOWN);
        long total = registry.countDatasets(user, q);
        box.add(new H3(getTranslation("opendata.ui.manager.datasets", total)));
        Grid<Dataset> grid = new Grid<>();
        grid.setId("opendata-manager-datasets");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addComponentColumn(d -> new Anchor(OpendataUi.DATASET_ROUTE + d.id(), d.title()))
                .setHeader(getTranslation("opendata.ui.field.title")).setFlexGrow(3);
        grid.addColumn(Dataset::identifier).setHeader(getTranslation("opendata.ui.field.identifier")).setFlexGrow(2);
        grid.addColumn(d -> getTranslation(d.published() ? "opendata.ui.published" : "opendata.ui.draft"))
                .setHeader(getTranslation("opendata.ui.field.published")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(registry.datasets(user, q));
        grid.setEmptyStateText(getTranslation("opendata.ui.manager.noDatasets"));
        box.add(grid, new Anchor(OpendataUi.DATASETS_ROUTE + "?manager=" + m.id(), getTranslation("opendata.ui.manager.allDatasets")));
        if (edit) {
            Anchor add = new Anchor(OpendataUi.DATASET_ROUTE + OpendataUi.NEW + "?manager=" + m.id(),
                    getTranslation("opendata.ui.manager.addDataset"));
            add.setId("opendata-manager-add-dataset");
            box.add(add);
        }
        return box;
    }
}
