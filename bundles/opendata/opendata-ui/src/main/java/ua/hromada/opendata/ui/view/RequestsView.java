package ua.hromada.opendata.ui.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.api.DataRequests.LetterFormat;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * {@code opendata/requests}: official letters to data managers about findings — the list (overdue
 * answers highlighted, a filter for them; each letter as PDF or DOCX, the answer's file) and the
 * form to register one or record its answer with its file, with the findings of the latest audit it
 * is about. Deadlines, overdue and the files' checks are the service's.
 */
public class RequestsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestsView.class);

    private final transient DatasetRegistry registry;
    private final transient OpendataAudit audit;
    private final transient PortalSettings settings;
    private final transient DataRequests requests;
    private final transient PortalUser user;
    private final Grid<OfficialRequest> grid = new Grid<>();
    private final ComboBox<DataManager> manager = new ComboBox<>();
    private final TextField number = new TextField();
    private final DatePicker sentOn = new DatePicker();
    private final DatePicker dueOn = new DatePicker();
    private final TextField subject = new TextField();
    private final TextArea text = new TextArea();
    private final MultiSelectComboBox<Finding> findings = new MultiSelectComboBox<>();
    private final Span olderFindings = new Span();
    private final DatePicker answeredOn = new DatePicker();
    private final TextArea answer = new TextArea();
    private final Upload answerUpload = new Upload();
    private final Span answerFile = new Span();
    private final Checkbox overdueOnly = new Checkbox();
    /** The answer's file chosen and not saved yet (a temporary file), or null. */
    private UploadedFile pendingFile;
    private LimitedUpload uploads;
    private final Paragraph error = new Paragraph();
    private OfficialRequest editing;
    private final Button delete = new Button();
    /** Linked findings of earlier runs (not offered in the list of the latest), kept as they are. */
    private List<Long> keptFindingIds = List.of();

    public RequestsView(DatasetRegistry registry, OpendataAudit audit, DataRequests requests, PortalUser user,
            PortalSettings settings) {
        this.registry = registry;
        this.audit = audit;
        this.requests = requests;
        this.user = user;
        this.settings = settings;
        setId("opendata-requests");
        setMaxWidth("90rem");
        if (!OpendataPermissions.canRead(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        add(new H2(getTranslation("opendata.ui.requests.title")));
        LocalDate today = settings.today();
        OpendataUi.listGrid(grid, "opendata-requests-grid");
        grid.addColumn(OfficialRequest::number).setHeader(getTranslation("opendata.ui.request.number")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(OfficialRequest::managerName).setHeader(getTranslation("opendata.ui.request.manager")).setFlexGrow(2);
        grid.addColumn(r -> DisplayFormats.date(r.sentOn())).setHeader(getTranslation("opendata.ui.request.sentOn"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Span due = new Span(DisplayFormats.date(r.dueOn()));
            if (r.overdue(today)) {
                due.setText(DisplayFormats.date(r.dueOn()) + " · " + getTranslation("opendata.ui.request.overdue"));
                due.getElement().getThemeList().add("badge error");
                due.addClassName("opendata-request-overdue");
            }
            return due;
        }).setHeader(getTranslation("opendata.ui.request.dueOn")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OfficialRequest::subject).setHeader(getTranslation("opendata.ui.request.subject")).setFlexGrow(3);
        grid.addColumn(r -> r.answeredOn() == null ? getTranslation("opendata.ui.request.noAnswer") : DisplayFormats.date(r.answeredOn()))
                .setHeader(getTranslation("opendata.ui.request.answeredOn")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.findingIds().size()).setHeader(getTranslation("opendata.ui.request.findingsCount"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> new HorizontalLayout(RequestDownloads.letter(this, requests, user, r, LetterFormat.PDF),
                RequestDownloads.letter(this, requests, user, r, LetterFormat.DOCX)))
                .setHeader(getTranslation("opendata.ui.request.letters")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> r.answerFile() == null ? new Span() : RequestDownloads.answer(requests, user, r))
                .setHeader(getTranslation("opendata.ui.request.answerFile")).setAutoWidth(true).setFlexGrow(1);
        grid.setPartNameGenerator(r -> r.overdue(today) ? "opendata-overdue" : null);
        OpendataUi.globalStyle(grid, "opendata-overdue",
                "vaadin-grid::part(opendata-overdue){background:var(--lumo-error-color-10pct)}");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("opendata.ui.requests.empty"));
        overdueOnly.setLabel(getTranslation("opendata.ui.requests.overdueOnly"));
        overdueOnly.setId("opendata-requests-overdue");
        overdueOnly.addValueChangeListener(e -> reload());
        reload();
        add(overdueOnly, grid);
        if (OpendataPermissions.canAudit(user)) {
            grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
            add(form());
            edit(null);
        }
    }

    private void reload() {
        grid.setItems(overdueOnly.getValue() ? requests.overdue(user) : requests.requests(user, null));
    }

    private VerticalLayout form() {
        H3 heading = new H3(getTranslation("opendata.ui.request.form"));
        FormLayout form = new FormLayout();
        form.setId("opendata-request-form");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        manager.setLabel(getTranslation("opendata.ui.request.manager"));
        manager.setId("opendata-r-manager");
        manager.setItems(registry.managers(user));
        manager.setItemLabelGenerator(DataManager::name);
        manager.addValueChangeListener(e -> offerFindings(e.getValue(), findings.getSelectedItems()));
        number.setLabel(getTranslation("opendata.ui.request.number"));
        number.setId("opendata-r-number");
        sentOn.setLabel(getTranslation("opendata.ui.request.sentOn"));
        sentOn.setId("opendata-r-sentOn");
        dueOn.setLabel(getTranslation("opendata.ui.request.dueOn"));
        dueOn.setId("opendata-r-dueOn");
        sentOn.addValueChangeListener(e -> dueOn.setHelperText(e.getValue() == null ? null
                : getTranslation("opendata.ui.request.dueHint", DisplayFormats.date(requests.answerDeadline(e.getValue())))));
        subject.setLabel(getTranslation("opendata.ui.request.subject"));
        subject.setId("opendata-r-subject");
        text.setLabel(getTranslation("opendata.ui.request.text"));
        text.setId("opendata-r-text");
        text.setMinHeight("8em");
        findings.setLabel(getTranslation("opendata.ui.request.findings"));
        findings.setId("opendata-r-findings");
        findings.setItemLabelGenerator(f -> f.datasetTitle() + ": " + f.explanation());
        olderFindings.setId("opendata-r-older-findings");
        answeredOn.setLabel(getTranslation("opendata.ui.request.answeredOn"));
        answeredOn.setId("opendata-r-answeredOn");
        answer.setLabel(getTranslation("opendata.ui.request.answer"));
        answer.setId("opendata-r-answer");
        answerUpload.setId("opendata-r-answer-upload");
        answerUpload.setAcceptedFileTypes("application/pdf", ".pdf", ".docx", "image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        // streamed to a temporary file, cut off on the server at the limit; stored when the request is saved
        uploads = LimitedUpload.attach(this, answerUpload, requests.maxAnswerFileBytes(), 1, file -> {
            dropPending();
            pendingFile = file;
            answerFile.setText(getTranslation("opendata.ui.request.answerFilePending", file.fileName()));
        }, message -> OpendataUi.showError(error, message));
        OpendataUi.localise(this, answerUpload);
        answerUpload.addFileRejectedListener(e -> OpendataUi.showError(error,
                getTranslation("opendata.ui.upload.rejected", e.getErrorMessage())));
        answerFile.setId("opendata-r-answer-file");
        for (DatePicker p : List.of(sentOn, dueOn, answeredOn)) {
            UiSupport.localise(p);
        }
        form.add(manager, number, sentOn, dueOn);
        form.add(subject, 2);
        form.add(text, 2);
        form.add(findings, 2);
        form.add(olderFindings, 2);
        form.add(answeredOn, 1);
        form.add(answer, 2);
        form.add(answerUpload, 1);
        form.add(answerFile, 1);
        OpendataUi.formError(error, "request");
        Button save = OpendataUi.saveButton(this, "request", this::save);
        Button create = OpendataUi.newButton(this, "request", () -> {
            grid.asSingleSelect().clear();
            edit(null);
        });
        delete.setText(getTranslation("opendata.ui.request.delete"));
        delete.setIcon(VaadinIcon.TRASH.create());
        delete.setId("opendata-request-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> {
            OfficialRequest r = editing;
            if (r != null) {
                Confirm.ask(this, getTranslation("opendata.ui.request.deleteTitle"),
                        getTranslation("opendata.ui.request.deleteText", r.number(), r.managerName()), "opendata.ui.delete",
                        () -> delete(r));
            }
        });
        VerticalLayout box = new VerticalLayout(heading, form, error, new HorizontalLayout(save, create, delete));
        box.setPadding(false);
        return box;
    }

    /** The latest findings of the manager, keeping what is chosen. */
    private void offerFindings(DataManager m, Set<Finding> keep) {
        List<Finding> items = m == null ? List.of() : audit.findings(null, null, m.id());
        findings.setItems(items);
        findings.setValue(new LinkedHashSet<>(items.stream().filter(keep::contains).toList()));
    }

    /** Deletes the answer's file chosen and not saved. */
    private void dropPending() {
        if (pendingFile != null) {
            uploads.release(pendingFile);
            pendingFile = null;
        }
    }

    private void delete(OfficialRequest r) {
        try {
            requests.delete(user, r.id());
            reload();
            grid.asSingleSelect().clear();
            edit(null);
            OpendataUi.success(getTranslation("opendata.ui.request.deleted", r.number()));
        } catch (OpendataException e) {
            OpendataUi.showError(error, OpendataUi.reason(this, e));
        }
    }

    private void edit(OfficialRequest r) {
        editing = r;
        delete.setVisible(r != null);
        error.setVisible(false);
        manager.setReadOnly(r != null);
        manager.setValue(r == null ? null
                : manager.getListDataView().getItems().filter(m -> m.id() == r.managerId()).findFirst().orElse(null));
        number.setValue(r == null ? "" : r.number());
        sentOn.setValue(r == null ? settings.today() : r.sentOn());
        dueOn.setValue(r == null ? null : r.dueOn());
        subject.setValue(r == null ? "" : r.subject());
        text.setValue(r == null || r.text() == null ? "" : r.text());
        answeredOn.setValue(r == null ? null : r.answeredOn());
        answer.setValue(r == null || r.answer() == null ? "" : r.answer());
        dropPending();
        answerUpload.clearFileList();
        answerFile.setText(r == null || r.answerFile() == null ? ""
                : getTranslation("opendata.ui.request.answerFileStored", r.answerFile().fileName()));
        List<Finding> offered = findings.getListDataView().getItems().toList();
        Set<Long> linked = r == null ? Set.of() : new LinkedHashSet<>(r.findingIds());
        findings.setValue(new LinkedHashSet<>(offered.stream().filter(f -> linked.contains(f.id())).toList()));
        List<Long> older = new ArrayList<>(linked);
        offered.forEach(f -> older.remove(f.id()));
        keptFindingIds = List.copyOf(older);
        olderFindings.setText(older.isEmpty() ? "" : getTranslation("opendata.ui.request.olderFindings", older.size()));
    }

    private void save() {
        error.setVisible(false);
        DataManager m = manager.getValue();
        List<Long> ids = new ArrayList<>(keptFindingIds);
        findings.getSelectedItems().forEach(f -> ids.add(f.id()));
        OfficialRequest r = new OfficialRequest(editing == null ? 0 : editing.id(), m == null ? 0 : m.id(),
                m == null ? null : m.name(), number.getValue(), sentOn.getValue(), dueOn.getValue(), subject.getValue(),
                text.getValue(), answeredOn.getValue(), answer.getValue(), ids, editing == null ? 0 : editing.version());
        if (m == null) {
            OpendataUi.showError(error, getTranslation("opendata.ui.request.managerRequired"));
            return;
        }
        try {
            OfficialRequest saved = pendingFile == null ? requests.save(user, r)
                    : requests.save(user, r, pendingFile.fileName(), pendingFile.bytes());
            dropPending();
            reload();
            grid.select(saved);
            OpendataUi.success(getTranslation("opendata.ui.request.saved", saved.number()));
        } catch (EditConflictException e) {
            // another auditor saved the request meanwhile: offer the current one (the typing stays until then)
            long id = editing.id();
            EditConflicts.show(this, () -> {
                reload();
                requests.request(id).ifPresentOrElse(grid::select, () -> edit(null));
            });
        } catch (OpendataException e) {
            OpendataUi.showError(error, OpendataUi.reason(this, e));
        } catch (RuntimeException e) {
            OpendataUi.showError(error, getTranslation("opendata.ui.failed", UiSupport.logFailure(LOG, "Saving a request failed", e)));
        }
    }
}
