package ua.hromada.oks.ui.view;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.DocumentStep;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.ScanFile;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.upload.LimitedUpload;

/**
 * The card's documents: the steps whose action produces a document and that have none yet (an
 * inspector fills it in: {@link IssueDialog}), and the issued ones with their registration number and
 * date, printed again with the same number, with the signed copy attached back and downloadable.
 * Every rule is the register's; this panel only shows what it answers.
 */
public class DocumentsPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DocumentsPanel.class);

    private final transient ViolationDocuments documents;
    private final transient DocumentRegister register;
    private final transient PortalUser user;
    private final transient Violation violation;
    private final ZoneId zone;

    /** The panel of a case, or an empty one when the documents bundle is not installed. */
    public static VerticalLayout of(ViolationDocuments documents, Violation v, PortalUser user, ZoneId zone) {
        if (documents == null) {
            VerticalLayout none = new VerticalLayout();
            none.setVisible(false);
            return none;
        }
        return new DocumentsPanel(documents, v, user, zone);
    }

    public DocumentsPanel(ViolationDocuments documents, Violation violation, PortalUser user, ZoneId zone) {
        this.documents = documents;
        this.register = documents.register();
        this.user = user;
        this.violation = violation;
        this.zone = zone;
        setId("oks-documents");
        setPadding(false);
        refresh();
    }

    void refresh() {
        removeAll();
        List<DocumentStep> awaiting = register.awaiting(user, violation.id());
        List<IssuedDocument> issued = register.issued(user, violation.id());
        setVisible(!awaiting.isEmpty() || !issued.isEmpty());
        add(new H3(getTranslation("oks.ui.documents.title")));
        for (DocumentStep step : awaiting) {
            Span what = new Span(getTranslation("oks.ui.documents.awaiting", step.actionName(), DisplayFormats.dateTime(step.at(), zone),
                    getTranslation("oks.ui.documents.kind." + step.kind().name())));
            Button issue = new Button(getTranslation("oks.ui.documents.issue"), VaadinIcon.EDIT.create(),
                    e -> new IssueDialog(register, user, violation, step, this::refresh).open());
            issue.setId("oks-doc-issue-" + step.journalEntryId());
            issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(row(what, issue));
        }
        for (IssuedDocument d : issued) {
            add(issuedRow(d));
        }
    }

    private HorizontalLayout issuedRow(IssuedDocument d) {
        Span number = new Span(d.number());
        number.setId("oks-doc-number-" + d.id());
        number.getStyle().set("font-weight", "600");
        Span what = new Span(getTranslation("oks.ui.documents.issued", getTranslation("oks.ui.documents.kind." + d.kind().name()),
                DisplayFormats.date(d.issuedOn()), d.violator().name(), d.article().code()));
        HorizontalLayout row = row(number, what, printLink(d));
        if (d.scan() != null) {
            row.add(scanLink(d));
        }
        if (mayIssue(user)) {
            row.add(scanUpload(d));
        }
        row.addClassName("oks-doc-row");
        return row;
    }

    private Anchor printLink(IssuedDocument d) {
        String name = (d.kind() == ViolationDocuments.Kind.WARNING ? "poperedzhennia-" : "protokol-")
                + d.number().replaceAll("[^\\p{L}\\p{N}-]+", "-") + ".pdf";
        DownloadHandler pdf = DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = documents.print(user, d.id());
                return new DownloadResponse(new ByteArrayInputStream(bytes), name, "application/pdf", bytes.length);
            } catch (OksException e) {
                LOG.info("Document {} refused: {}", d.id(), e.getMessage());
                return DownloadResponse.error(404);
            }
        });
        Button face = new Button(getTranslation("oks.ui.documents.print"), VaadinIcon.PRINT.create());
        face.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_SMALL);
        Anchor link = new Anchor(pdf, AttachmentType.DOWNLOAD, "");
        link.add(face);
        link.setId("oks-doc-print-" + d.id());
        return link;
    }

    private Anchor scanLink(IssuedDocument d) {
        DownloadHandler file = DownloadHandler.fromInputStream(event -> {
            Optional<ScanFile> scan = register.scan(user, d.id());
            if (scan.isEmpty()) {
                return DownloadResponse.error(404);
            }
            byte[] bytes = scan.get().content();
            return new DownloadResponse(new ByteArrayInputStream(bytes), scan.get().fileName(), scan.get().contentType(),
                    bytes.length);
        });
        Anchor link = new Anchor(file, AttachmentType.DOWNLOAD, getTranslation("oks.ui.documents.scan", d.scan().fileName(),
                DisplayFormats.dateTime(d.scan().attachedAt(), zone)));
        link.setId("oks-doc-scan-" + d.id());
        return link;
    }

    private Upload scanUpload(IssuedDocument d) {
        Upload upload = new Upload();
        upload.setId("oks-doc-scan-upload-" + d.id());
        upload.setAcceptedFileTypes("application/pdf", ".pdf", "image/jpeg", ".jpg", ".jpeg", "image/png", ".png");
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button(getTranslation(d.scan() == null ? "oks.ui.documents.attach" : "oks.ui.documents.replace"),
                VaadinIcon.UPLOAD.create()));
        LimitedUpload.attach(this, upload, DocumentRegister.SCAN_MAX_BYTES, 1, file -> {
            try {
                register.attachScan(user, d.id(), new ScanFile(file.fileName(), file.contentType(), file.bytes()));
                OksUi.success(getTranslation("oks.ui.documents.attached", d.number()));
                refresh();
            } catch (OksException e) {
                OksUi.error(OksUi.reason(this, e));
            } finally {
                file.delete();
            }
        }, OksUi::error);
        return upload;
    }

    /** Inspectors and administrators issue documents and attach their signed copies (the register checks it again). */
    static boolean mayIssue(PortalUser u) {
        return u != null && (u.hasPermission(OksPermissions.INSPECT) || u.hasPermission(OksPermissions.ADMINISTER)
                || u.permissions().contains(PortalUser.ADMIN_PERMISSION));
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        return row;
    }
}
