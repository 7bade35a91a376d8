package ua.hromada.crm.ui.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.crm.api.CaseDocument;
import ua.hromada.crm.api.CasePrintouts;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.CaseStep;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;

/**
 * A case's card ({@code tsnap/sprava/:id}): number, status and deadline (overdue marked), the
 * checklist with a received box and an upload per line, the verification's findings, the steps the
 * user may take now, the printouts and the journal.
 */
public class CaseCardView extends VerticalLayout implements BeforeEnterObserver {
    private static final Logger LOG = LoggerFactory.getLogger(CaseCardView.class);
    /** The browser's ceiling; the service applies the configured limit to the bytes it gets. */
    static final long UPLOAD_MAX = 25L * 1024 * 1024;

    private final Cases cases;
    private final CasePrintouts printouts;
    private final PortalUser user;
    private final PortalSettings settings;
    private final ZoneId zone;
    private final Optional<CaseCardExtras> extras;
    private ServiceCase current;

    public CaseCardView(Cases cases, CasePrintouts printouts, PortalUser user, PortalSettings settings,
            Optional<CaseCardExtras> extras) {
        this.cases = cases;
        this.printouts = printouts;
        this.user = user;
        this.settings = settings;
        this.zone = settings.timeZone();
        this.extras = extras;
        setId("case-card-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(event.getRouteParameters().get("id").flatMap(CaseCardView::parseId).orElse(-1L));
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Shows the case {@code id} as it is now. */
    void show(long id) {
        removeAll();
        Optional<ServiceCase> found;
        try {
            found = cases.get(user, id);
        } catch (CrmException e) {
            add(new Paragraph(CasesUi.reason(this, e)));
            return;
        }
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("crm.error.notFound"));
            none.setId("case-not-found");
            add(none);
            return;
        }
        current = found.get();
        LocalDate today = settings.today();
        H2 title = new H2(getTranslation("crm.case.ui.card.title", current.number()));
        title.setId("case-number");
        Span status = new Span(CasesUi.status(this, current.status()));
        status.setId("case-status");
        status.getElement().getThemeList().add("badge");
        Span deadline = new Span(getTranslation("crm.case.ui.f.deadline") + ": ");
        deadline.add(CasesUi.deadline(this, current, today));
        deadline.setId("case-deadline");
        HorizontalLayout head = new HorizontalLayout(title, status, deadline);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(head);
        add(facts());
        add(new H3(getTranslation("crm.case.ui.card.documents")), checklist());
        Div findings = new Div();
        findings.setId("case-findings");
        extras.ifPresent(x -> x.findings(findings, current, this::reload));
        add(findings, actions(), printLinks());
        add(new H3(getTranslation("crm.case.ui.card.journal")), journal());
    }

    private void reload() {
        show(current.id());
    }

    private VerticalLayout facts() {
        VerticalLayout facts = new VerticalLayout();
        facts.setPadding(false);
        facts.setSpacing(false);
        facts.add(new Span(getTranslation("crm.case.ui.f.applicant") + ": " + current.applicantName()));
        facts.add(new Span(getTranslation("crm.case.ui.card.service", current.serviceName(), current.cardVersion())));
        facts.add(new Span(getTranslation("crm.case.ui.f.registered") + ": " + DisplayFormats.dateTime(current.registeredAt(), zone)
                + " · " + getTranslation("crm.case.ui.f.administrator") + ": " + CasesUi.administrator(current)));
        if (!current.request().isEmpty()) {
            facts.add(new Span(getTranslation("crm.case.ui.f.request") + ": " + current.request()));
        }
        if (!current.appealNumber().isEmpty()) {
            facts.add(new Span(getTranslation("crm.case.ui.card.appeal", current.appealNumber())));
        }
        if (!current.executor().isEmpty()) {
            facts.add(new Span(getTranslation("crm.case.ui.f.executor") + ": " + current.executor()));
        }
        if (!current.refusalReason().isEmpty()) {
            facts.add(new Span(getTranslation("crm.case.ui.card.refusal", current.refusalReason())));
        }
        facts.add(new Span(getTranslation(current.feePaid() ? "crm.case.ui.card.feePaid" : "crm.case.ui.card.feeNotPaid")));
        return facts;
    }

    private Grid<CaseDocument> checklist() {
        boolean desk = user.hasPermission(CrmPermissions.ADMINISTRATOR) && !current.status().closed();
        Grid<CaseDocument> grid = new Grid<>();
        grid.setId("case-documents");
        grid.setAllRowsVisible(true);
        grid.addColumn(CaseDocument::position).setHeader("№").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CaseDocument::name).setHeader(getTranslation("crm.case.ui.f.document")).setFlexGrow(3);
        grid.addColumn(d -> getTranslation(d.original() ? "crm.case.ui.original" : "crm.case.ui.copy"))
                .setHeader(getTranslation("crm.case.ui.f.form")).setAutoWidth(true);
        grid.addComponentColumn(d -> {
            Checkbox received = new Checkbox(getTranslation("crm.case.ui.f.received"), d.received());
            received.setId("case-doc-received-" + d.position());
            received.setEnabled(desk);
            received.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> cases.markReceived(user, current.id(), d.id(), e.getValue(), current.version()));
                }
            });
            return received;
        }).setHeader(getTranslation("crm.case.ui.f.received")).setAutoWidth(true);
        grid.addComponentColumn(d -> scans(d, desk)).setHeader(getTranslation("crm.case.ui.f.scans")).setFlexGrow(2);
        grid.setItems(current.documents());
        return grid;
    }

    private VerticalLayout scans(CaseDocument d, boolean desk) {
        VerticalLayout cell = new VerticalLayout();
        cell.setPadding(false);
        cell.add(new Span(getTranslation("crm.case.ui.scans", d.scanIds().size())));
        if (desk) {
            Upload upload = new Upload();
            upload.setId("case-doc-upload-" + d.position());
            upload.setAcceptedFileTypes("image/jpeg", "image/png", "application/pdf", ".jpg", ".jpeg", ".png", ".pdf");
            LimitedUpload.attach(this, upload, UPLOAD_MAX, 1, file -> {
                try {
                    cases.attachScan(user, current.id(), d.id(), file.fileName(), file.bytes());
                    UiSupport.success(getTranslation("crm.case.ui.scanAdded", file.fileName()));
                    reload();
                } catch (CrmException e) {
                    UiSupport.error(CasesUi.reason(this, e));
                } finally {
                    file.delete();
                }
            }, UiSupport::error);
            cell.add(upload);
        }
        return cell;
    }

    private HorizontalLayout actions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("case-actions");
        bar.setWrap(true);
        boolean admin = user.hasPermission(CrmPermissions.ADMINISTRATOR);
        boolean executor = current.backOfficeRole().isEmpty() ? admin
                : user.hasPermission(CrmPermissions.BACK_OFFICE) && user.roles().contains(current.backOfficeRole());
        CaseStatus s = current.status();
        if (admin && s == CaseStatus.REGISTERED) {
            bar.add(button("case-handover", "crm.case.ui.handover", VaadinIcon.ARROW_FORWARD, true,
                    () -> cases.handOver(user, current.id(), current.version())));
        }
        if (s == CaseStatus.IN_BACK_OFFICE && executor && !current.backOfficeRole().isEmpty()
                && !user.username().equals(current.executor())) {
            bar.add(button("case-take", "crm.case.ui.take", VaadinIcon.HAND, false,
                    () -> cases.take(user, current.id(), current.version())));
        }
        if (s == CaseStatus.IN_BACK_OFFICE && executor) {
            bar.add(button("case-ready", "crm.case.ui.ready", VaadinIcon.CHECK, true,
                    () -> cases.resultReady(user, current.id(), current.version())));
            Button refuse = new Button(getTranslation("crm.case.ui.refuse"), VaadinIcon.BAN.create(),
                    e -> CaseDialogs.refuse(this, cases.refusalGrounds(user, current.id()),
                            ground -> act(() -> cases.refusalReady(user, current.id(), ground, current.version()))));
            refuse.setId("case-refuse");
            bar.add(refuse);
        }
        if (admin && (s == CaseStatus.RESULT_READY || s == CaseStatus.REFUSAL_READY)) {
            bar.add(button("case-issue", "crm.case.ui.issue", VaadinIcon.HANDSHAKE, true,
                    () -> cases.issue(user, current.id(), current.version())));
        }
        if (admin && !s.closed()) {
            Button cancel = new Button(getTranslation("crm.case.ui.cancel"), VaadinIcon.CLOSE_CIRCLE.create(),
                    e -> CaseDialogs.cancel(this,
                            reason -> act(() -> cases.cancel(user, current.id(), reason, current.version()))));
            cancel.setId("case-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(cancel);
        }
        return bar;
    }

    private Button button(String id, String key, VaadinIcon icon, boolean primary, Supplier<ServiceCase> step) {
        Button b = new Button(getTranslation(key), icon.create(), e -> act(step));
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }

    /** Runs a step and shows the case again; a refusal (e.g. the hand-over's unresolved findings) is shown in words. */
    void act(Supplier<ServiceCase> step) {
        try {
            step.get();
            reload();
        } catch (EditConflictException e) {
            EditConflicts.show(this, this::reload);
        } catch (CrmException e) {
            UiSupport.error(CasesUi.reason(this, e)).setId("case-refusal");
            reload();
        }
    }

    private HorizontalLayout printLinks() {
        Anchor inventory = print("case-print-inventory", "crm.case.ui.print.inventory", "opys",
                () -> printouts.inventory(user, current.id()));
        Anchor receipt = print("case-print-receipt", "crm.case.ui.print.receipt", "rozpyska",
                () -> printouts.receipt(user, current.id()));
        return new HorizontalLayout(inventory, receipt);
    }

    private Anchor print(String id, String key, String name, Supplier<byte[]> pdf) {
        long caseId = current.id();
        String number = current.number();
        DownloadHandler handler = UiSupport.download(() -> name + "-" + number + ".pdf", "application/pdf", LOG,
                "Printout of case " + caseId + " failed", out -> out.write(pdf.get()));
        Anchor a = new Anchor(handler, "");
        a.getElement().setAttribute("download", true);
        a.add(VaadinIcon.PRINT.create());
        a.add(getTranslation(key));
        a.setId(id);
        return a;
    }

    private Grid<CaseStep> journal() {
        Grid<CaseStep> grid = new Grid<>();
        grid.setId("case-journal");
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> DisplayFormats.dateTime(s.at(), zone)).setHeader(getTranslation("crm.case.ui.f.when"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CaseStep::user).setHeader(getTranslation("crm.case.ui.f.user")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CaseStep::detail).setHeader(getTranslation("crm.case.ui.f.detail")).setFlexGrow(4);
        List<CaseStep> steps = cases.journal(user, current.id());
        grid.setItems(steps);
        return grid;
    }
}
