package ua.hromada.gis.ui.view;

import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import ua.hromada.gis.api.Attachment;
import ua.hromada.gis.api.GisAttachments;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * The photos and files of one object: each with its size, who added it and when, a download link
 * (photos also shown small); an editor adds files (up to the service's limit) and removes them.
 * The service owns the rules (what an editor may change, the size, the type from the content).
 */
class AttachmentsDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentsDialog.class);

    private final transient GisAttachments attachments;
    private final transient PortalUser user;
    private final transient GisFeature feature;
    private final boolean editable;
    private final ZoneId zone;
    private final Div list = new Div();
    private final Paragraph message = new Paragraph();

    AttachmentsDialog(GisAttachments attachments, PortalUser user, GisFeature feature, boolean editable, ZoneId zone) {
        this.attachments = attachments;
        this.user = user;
        this.feature = feature;
        this.editable = editable;
        this.zone = zone;
        setId("gis-attachments");
        setHeaderTitle(getTranslation("gis.ui.attachments.title", feature.id()));
        setWidth("min(44rem, 95vw)");
        list.setId("gis-attachments-list");
        message.setId("gis-attachments-message");
        message.getElement().setAttribute("role", "status");
        add(list, message);
        if (editable) {
            Upload upload = new Upload();
            upload.setId("gis-attachments-upload");
            LimitedUpload.attach(this, upload, attachments.maxBytes(), 1, this::received, this::say);
            add(new Paragraph(getTranslation("gis.ui.attachments.hint", LimitedUpload.megabytes(attachments.maxBytes()))),
                    upload);
        }
        Button close = new Button(getTranslation("gis.ui.close"), e -> close());
        close.setId("gis-attachments-close");
        getFooter().add(close);
        refresh();
    }

    /** A file the upload received: attached, or the service's refusal in words. */
    void received(UploadedFile file) {
        try {
            Attachment a = attachments.attach(user, feature.id(), file.fileName(), file.bytes());
            say(getTranslation("gis.ui.attachments.added", a.fileName()));
            refresh();
        } catch (GisException e) {
            say(GisUi.reason(this, e));
        } finally {
            file.delete();
        }
    }

    private void remove(Attachment a) {
        try {
            attachments.remove(user, a.id());
            say(getTranslation("gis.ui.attachments.removed", a.fileName()));
        } catch (GisException e) {
            say(GisUi.reason(this, e));
        }
        refresh();
    }

    private void say(String text) {
        message.setText(text);
    }

    private void refresh() {
        list.removeAll();
        List<Attachment> all;
        try {
            all = attachments.attachments(user, feature.id());
        } catch (GisException e) {
            say(GisUi.reason(this, e));
            return;
        }
        if (all.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("gis.ui.attachments.empty"));
            empty.setId("gis-attachments-empty");
            list.add(empty);
            return;
        }
        for (Attachment a : all) {
            list.add(row(a));
        }
    }

    private Div row(Attachment a) {
        Div row = new Div();
        row.addClassName("gis-attachment");
        row.getElement().setAttribute("data-attachment", Long.toString(a.id()));
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "center")
                .set("padding", "var(--lumo-space-xs) 0");
        if (a.isImage()) {
            Image photo = new Image(content(a, false), getTranslation("gis.ui.attachments.photo", a.fileName()));
            photo.addClassName("gis-attachment-photo");
            photo.getStyle().set("max-width", "6rem").set("max-height", "4.5rem").set("object-fit", "cover");
            row.add(photo);
        }
        Anchor link = new Anchor(content(a, true), AttachmentType.DOWNLOAD, a.fileName());
        link.addClassName("gis-attachment-link");
        Span details = new Span(getTranslation("gis.ui.attachments.details", kilobytes(a.size(), getLocale()), a.addedBy(),
                DisplayFormats.dateTime(a.addedAt(), zone)));
        details.addClassName("gis-viewer-note");
        Div text = new Div(link, new Div(details));
        text.getStyle().set("flex", "1 1 auto").set("min-width", "0").set("overflow-wrap", "anywhere");
        row.add(text);
        if (editable) {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> remove(a));
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            remove.getElement().setAttribute("aria-label", getTranslation("gis.ui.attachments.remove", a.fileName()));
            remove.addClassName("gis-attachment-remove");
            row.add(remove);
        }
        return row;
    }

    /** The stored bytes as a download ({@code asFile}) or inline (the photo's thumbnail). */
    private DownloadHandler content(Attachment a, boolean asFile) {
        return event -> {
            try {
                GisAttachments.Content c = attachments.content(user, a.id()).orElse(null);
                if (c == null) {
                    event.getResponse().setStatus(404);
                    return;
                }
                if (asFile) {
                    event.setFileName(c.attachment().fileName());
                }
                event.setContentType(c.attachment().contentType());
                try (OutputStream out = event.getOutputStream()) {
                    out.write(c.bytes());
                }
            } catch (GisException e) {
                event.getResponse().setStatus(404);
            } catch (RuntimeException e) {
                UiSupport.logFailure(LOG, "Download of a GIS attachment failed", e);
                throw e;
            }
        };
    }

    /** Kilobytes with one decimal in the reader's way of writing numbers (12,3 in Ukrainian). */
    static String kilobytes(long bytes, Locale locale) {
        return String.format(locale, "%.1f", bytes / 1024.0);
    }
}
