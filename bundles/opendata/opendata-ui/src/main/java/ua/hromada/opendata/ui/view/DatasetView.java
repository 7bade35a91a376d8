package ua.hromada.opendata.ui.view;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

import ua.hromada.opendata.api.RegistryActions;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DatasetLegalActs;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.ui.legal.LegalActField;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The dataset's passport ({@code opendata/dataset/:id}, "new" for an empty one): every field of the
 * national passport, the structure of its table, its resources (uploaded files and links), and the
 * latest audit's findings on it, each explained, so a steward sees what to fix and fixes it here.
 * Refusals come from the service's message keys; the field they name is marked.
 */
public class DatasetView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DatasetView.class);
    /** Formats offered in the chips field; others can be typed. */
    static final List<String> FORMATS = List.of("CSV", "XLSX", "JSON", "XML", "GEOJSON", "ZIP", "PDF", "DOCX");

    private final transient RegistryActions actions;
    /** Null while the audit bundle is absent. */
    private final transient OpendataAudit audit;
    private final transient ZoneId zone;
    private final transient DatasetRegistry registry;
    private final transient PortalUser user;
    private final transient DatasetLegalActs legalActs;

    private Dataset loaded;
    private final Paragraph error = new Paragraph();
    private final TextField identifier = new TextField();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<DataManager> manager = new ComboBox<>();
    private final ComboBox<Obligation> obligation = new ComboBox<>();
    private final TextField language = new TextField();
    private final ValuesField formats;
    private final TextField compression = new TextField();
    /** Date and time (Resolution 835's passport), as the community's clock shows them. */
    private final DateTimePicker firstPublished = new DateTimePicker();
    private final DateTimePicker lastModified = new DateTimePicker();
    private final DatePicker actualityDate = new DatePicker();
    private final Select<UpdateFrequency> frequency = new Select<>();
    private final ValuesField keywords;
    private final ValuesField links;
    private final ValuesField tags;
    private final TextField responsiblePerson = new TextField();
    private final TextField responsibleEmail = new TextField();
    private final TextArea legalBasis = new TextArea();
    private final TextArea purpose = new TextArea();
    private final LegalActField legalAct;
    private final Checkbox published = new Checkbox();
    private final StructureEditor structure;
    private final LabelledFields inputs = new LabelledFields();

    /** {@code acts}: document search's acts for the legal basis, null while that module is not installed. */
    public DatasetView(DatasetRegistry registry, RegistryActions actions, OpendataAudit audit, PortalUser user, ZoneId zone,
            DatasetLegalActs legalActs, LegalActLookup acts) {
        this.legalActs = legalActs;
        this.legalAct = new LegalActField("opendata-f-legalAct", getTranslation("opendata.ui.field.legalAct"), acts);
        this.registry = registry;
        this.actions = actions;
        this.audit = audit;
        this.user = user;
        this.zone = zone;
        this.structure = new StructureEditor(registry.limits());
        this.formats = new ValuesField(null, FORMATS, v -> v.toUpperCase(Locale.ROOT));
        this.keywords = new ValuesField(null, List.of(), null);
        this.links = new ValuesField(null, List.of(), null);
        this.tags = new ValuesField(null, List.of(), null);
        setId("opendata-dataset");
        setMaxWidth("80rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long managerId = event.getLocation().getQueryParameters().getSingleParameter("manager")
                .flatMap(OpendataUi::parseId).orElse(null);
        OpendataUi.openDetail(this, event, user, registry::dataset, d -> show(d, d == null ? managerId : null),
                "opendata-dataset-not-found", "opendata.ui.dataset.notFound", OpendataUi.DATASETS_ROUTE,
                "opendata.ui.dataset.back");
    }

    private void show(Dataset d, Long managerId) {
        removeAll();
        loaded = d;
        boolean edit = OpendataPermissions.canEdit(user);
        Anchor back = new Anchor(OpendataUi.DATASETS_ROUTE, getTranslation("opendata.ui.dataset.back"));
        back.setId("opendata-dataset-back");
        H2 heading = new H2(d == null ? getTranslation("opendata.ui.dataset.new") : d.title());
        heading.setId("opendata-dataset-heading");
        add(back, heading);
        if (d != null && d.providerModule() != null) {
            Paragraph live = new Paragraph(getTranslation("opendata.ui.dataset.live", d.providerModule()));
            live.setId("opendata-dataset-live");
            add(live);
        }
        if (d != null) {
            findings(d).ifPresent(this::add);
        }
        OpendataUi.formError(error, "dataset");
        add(error, form(d, managerId));
        structure.setEditable(edit);
        structure.setFields(d == null ? List.of() : d.structure());
        add(structure);
        if (edit) {
            add(OpendataUi.formActions(this, "dataset", this::save, d == null ? null : d.title(),
                    d == null ? null : () -> delete(d)));
        }
        if (d != null) {
            add(new DatasetResources(registry, user, zone, d, edit, this::resourcesChanged));
        }
        setReadOnly(!edit);
    }

    // ------------------------------------------------------------------ the passport

    private FormLayout form(Dataset d, Long managerId) {
        FormLayout form = new FormLayout();
        form.setId("opendata-dataset-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        text(form, identifier, "identifier", 1);
        identifier.setHelperText(getTranslation("opendata.ui.field.identifier.help"));
        text(form, title, "title", 1);
        // the passport's required fields (the registry refuses a save without them)
        identifier.setRequiredIndicatorVisible(true);
        title.setRequiredIndicatorVisible(true);
        manager.setRequiredIndicatorVisible(true);
        frequency.setRequiredIndicatorVisible(true);
        counted(title, registry.limits().title());
        text(form, description, "description", 2);
        counted(description, registry.limits().description());
        description.setMinHeight("8em");

        manager.setItems(registry.managers(user));
        manager.setItemLabelGenerator(DataManager::name);
        text(form, manager, "manager", 1);
        obligation.setItems(registry.obligations());
        obligation.setItemLabelGenerator(o -> o.code() + " — " + o.title());
        obligation.setClearButtonVisible(true);
        text(form, obligation, "obligation", 1);

        text(form, language, "language", 1);
        text(form, compression, "compression", 1);
        text(form, formats, "formats", 2);
        UiSupport.localise(actualityDate);
        localise(firstPublished);
        localise(lastModified);
        text(form, firstPublished, "firstPublished", 1);
        text(form, lastModified, "lastModified", 1);
        text(form, actualityDate, "actualityDate", 1);
        frequency.setItems(UpdateFrequency.values());
        // the national wording, from the registry's bundle (opendata.frequency.*)
        frequency.setItemLabelGenerator(f -> getTranslation(f.messageKey()));
        text(form, frequency, "frequency", 1);
        text(form, keywords, "keywords", 2);
        text(form, tags, "tags", 2);
        text(form, links, "links", 2);
        links.setHelperText(getTranslation("opendata.ui.field.links.help"));
        text(form, responsiblePerson, "responsiblePerson", 1);
        text(form, responsibleEmail, "responsibleEmail", 1);
        text(form, legalBasis, "legalBasis", 2);
        text(form, legalAct, "legalAct", 2);
        text(form, purpose, "purpose", 2);
        published.setLabel(getTranslation("opendata.ui.field.published"));
        published.setId("opendata-f-published");
        form.add(published, 2);

        if (d == null) {
            language.setValue("uk");
            legalAct.setValue(null);
            if (managerId != null) {
                manager.getListDataView().getItems().filter(m -> m.id() == managerId).findFirst().ifPresent(manager::setValue);
            }
            return form;
        }
        identifier.setValue(d.identifier());
        title.setValue(d.title());
        description.setValue(nz(d.description()));
        manager.getListDataView().getItems().filter(m -> m.id() == d.managerId()).findFirst().ifPresent(manager::setValue);
        if (d.obligationId() != null) {
            obligation.getListDataView().getItems().filter(o -> o.id() == d.obligationId()).findFirst()
                    .ifPresent(obligation::setValue);
        }
        language.setValue(nz(d.language()));
        compression.setValue(nz(d.compression()));
        formats.setValues(d.formats());
        firstPublished.setValue(d.firstPublishedAt());
        lastModified.setValue(d.lastModifiedAt());
        actualityDate.setValue(d.actualityDate());
        frequency.setValue(d.frequency());
        keywords.setValues(d.keywords());
        tags.setValues(d.tags());
        links.setValues(d.links());
        responsiblePerson.setValue(nz(d.responsiblePerson()));
        responsibleEmail.setValue(nz(d.responsibleEmail()));
        legalBasis.setValue(nz(d.legalBasis()));
        legalAct.setValue(legalActs.legalAct(d.id()).orElse(null));
        purpose.setValue(nz(d.purpose()));
        published.setValue(d.published());
        return form;
    }

    /** The portal's calendar texts (as on every date field), a 24-hour clock offered every 15 minutes. */
    private static void localise(DateTimePicker picker) {
        DatePicker calendar = new DatePicker();
        UiSupport.localise(calendar);
        picker.setDatePickerI18n(calendar.getI18n());
        picker.setDatePlaceholder(calendar.getPlaceholder());
        picker.setTimePlaceholder(picker.getTranslation("opendata.ui.field.time"));
        picker.setStep(Duration.ofMinutes(15));
    }

    private <C extends Component & HasValidation> void text(FormLayout form, C field, String key, int colspan) {
        inputs.add(form, field, getTranslation("opendata.ui.field." + key), "opendata-f-" + key, colspan);
    }

    private void counted(TextField field, int max) {
        field.setValueChangeMode(ValueChangeMode.EAGER);
        count(field, field.getValue(), max);
        field.addValueChangeListener(e -> count(field, e.getValue(), max));
    }

    private void counted(TextArea field, int max) {
        field.setValueChangeMode(ValueChangeMode.EAGER);
        count(field, field.getValue(), max);
        field.addValueChangeListener(e -> count(field, e.getValue(), max));
    }

    private void count(Component field, String value, int max) {
        field.getElement().setProperty("helperText", OpendataUi.counter(value, max));
        field.getElement().setAttribute("data-over", Boolean.toString(value != null && value.length() > max));
        field.getElement().getStyle().set("--vaadin-input-field-helper-color",
                value != null && value.length() > max ? "var(--lumo-error-text-color)" : null);
    }

    private void setReadOnly(boolean readOnly) {
        inputs.setReadOnly(readOnly);
        published.setReadOnly(readOnly);
    }

    private Dataset value() {
        Dataset d = loaded;
        DataManager m = manager.getValue();
        return new Dataset(d == null ? 0 : d.id(), identifier.getValue(), title.getValue(), description.getValue(),
                language.getValue(), formats.values(), compression.getValue(), firstPublished.getValue(),
                lastModified.getValue(), actualityDate.getValue(), frequency.getValue(), keywords.values(), links.values(),
                responsiblePerson.getValue(), responsibleEmail.getValue(), legalBasis.getValue(), purpose.getValue(),
                m == null ? 0 : m.id(), m == null ? null : m.name(), tags.values(), structure.fields(),
                obligation.getValue() == null ? null : obligation.getValue().id(), published.getValue(),
                d == null ? null : d.providerModule(), d == null ? null : d.updatedAt(), d == null ? null : d.createdAt(),
                d == null ? 0 : d.version());
    }

    private void save() {
        clearErrors();
        if (firstPublished.isInvalid() || lastModified.isInvalid() || actualityDate.isInvalid()) {
            showError(getTranslation("opendata.ui.dataset.badDate"), null);
            return;
        }
        try {
            // the passport and its act in one transaction: a refused act leaves the passport unsaved too
            Dataset saved = legalActs.saveDataset(user, value(), legalAct.getValue());
            OpendataUi.success(getTranslation("opendata.ui.dataset.saved", saved.title()));
            if (loaded == null) {
                UI.getCurrent().navigate(OpendataUi.DATASET_ROUTE + saved.id());
            } else {
                show(saved, null);
            }
        } catch (EditConflictException e) {
            // someone saved the dataset meanwhile: nothing of this form was saved; offer the current one
            long id = loaded.id();
            EditConflicts.show(this, () -> registry.dataset(id).ifPresentOrElse(x -> show(x, null),
                    () -> UI.getCurrent().navigate(OpendataUi.DATASETS_ROUTE)));
        } catch (OpendataException e) {
            LOG.debug("Dataset refused: {}", e.getMessage());
            showError(OpendataUi.reason(this, e), fieldOf(e));
        } catch (RuntimeException e) {
            String id = UiSupport.logFailure(LOG, "Saving a dataset failed", e);
            showError(getTranslation("opendata.ui.failed", id), null);
        }
    }

    private void delete(Dataset d) {
        try {
            actions.deleteDataset(user, d.id());
            OpendataUi.success(getTranslation("opendata.ui.dataset.deleted", d.title()));
            UI.getCurrent().navigate(OpendataUi.DATASETS_ROUTE);
        } catch (OpendataException e) {
            showError(OpendataUi.reason(this, e), null);
        }
    }

    /**
     * After this page changed the dataset's resources: the registry moved its version (and, for new
     * data, its last-change date). Only when nobody else changed it meanwhile does the form take the
     * new version, with that date; otherwise a save is refused as stale, as it should be.
     */
    private void resourcesChanged(long datasetId) {
        Dataset before = loaded;
        registry.dataset(datasetId).ifPresent(now -> {
            if (before != null && now.version() == before.version() + 1) {
                loaded = now;
                lastModified.setValue(now.lastModifiedAt());
            }
        });
    }

    /** The input a refusal is about: named in its first argument, or known from its key. */
    private HasValidation fieldOf(OpendataException e) {
        return inputs.fieldOf(e, key -> switch (key) {
            case "opendata.error.identifier", "opendata.error.identifierTaken" -> identifier;
            case "opendata.error.language" -> language;
            case "opendata.error.format" -> formats;
            case "opendata.error.dates" -> lastModified;
            case "opendata.error.url" -> links;
            case "opendata.error.managerUnknown" -> manager;
            case "opendata.error.obligationUnknown" -> obligation;
            case "opendata.error.legalActUnknown" -> legalAct;
            default -> null;
        });
    }

    private void showError(String message, HasValidation field) {
        OpendataUi.showError(error, message);
        inputs.mark(field, message);
        OpendataUi.error(message);
    }

    private void clearErrors() {
        error.setVisible(false);
        inputs.clear();
    }

    // ------------------------------------------------------------------ findings of the latest audit

    private Optional<Component> findings(Dataset d) {
        if (audit == null) {
            return Optional.empty();
        }
        List<Finding> list = audit.findings(null, d.id(), null);
        Optional<OpendataAudit.Score> score = audit.datasetScores(null).stream()
                .filter(s -> s.subjectId() == d.id()).findFirst();
        if (score.isEmpty() && list.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.setId("opendata-dataset-findings");
        box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("width", "100%").set("box-sizing", "border-box");
        Span scoreText = new Span(getTranslation("opendata.ui.dataset.score",
                score.map(s -> OpendataUi.score(s.score())).orElse("—")));
        scoreText.setId("opendata-dataset-score");
        score.ifPresent(s -> {
            scoreText.getElement().setAttribute("data-score", Double.toString(s.score()));
            scoreText.getStyle().set("color", OpendataUi.scoreColor(s.score())).set("font-weight", "600");
        });
        box.add(new H3(getTranslation("opendata.ui.dataset.findings")), scoreText);
        if (list.isEmpty()) {
            box.add(new Paragraph(getTranslation("opendata.ui.dataset.noFindings")));
        }
        for (Finding f : list) {
            Div row = new Div(OpendataUi.severityBadge(this, f.severity()), new Span(" " + f.explanation()));
            row.addClassName("opendata-dataset-finding");
            row.getElement().setAttribute("data-rule", f.rule());
            row.getStyle().set("margin", "var(--lumo-space-xs) 0");
            box.add(row);
        }
        return Optional.of(box);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
