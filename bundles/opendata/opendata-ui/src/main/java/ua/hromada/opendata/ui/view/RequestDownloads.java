package ua.hromada.opendata.ui.view;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.api.DataRequests.LetterFormat;
import ua.hromada.opendata.api.OfficialRequest;
import ua.hromada.portal.api.PortalUser;

/** The files of an official request the requests page offers: its letter (PDF, DOCX) and the answer's file. */
final class RequestDownloads {

    private RequestDownloads() {
    }

    /** The request's letter, drafted when asked for (the request as saved then). */
    static Anchor letter(Component owner, DataRequests requests, PortalUser user, OfficialRequest r, LetterFormat format) {
        long id = r.id();
        String extension = format.name().toLowerCase(Locale.ROOT);
        DownloadHandler handler = event -> WrittenDownload.send(event, owner,
                "lyst-" + r.number().replaceAll("[^\\p{L}\\p{N}-]+", "_") + "." + extension,
                format == LetterFormat.PDF ? "application/pdf"
                        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                out -> requests.writeLetter(user, id, format, out));
        Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, format.name());
        a.addClassName("opendata-request-letter-" + extension);
        a.getElement().setAttribute("title", owner.getTranslation("opendata.ui.request.letter", format.name()));
        return a;
    }

    /** The answer's stored file, by the name it was stored under. */
    static Anchor answer(DataRequests requests, PortalUser user, OfficialRequest r) {
        long id = r.id();
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> requests.answerFile(user, id)
                .map(f -> new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.mediaType(),
                        f.content().length))
                .orElseGet(() -> DownloadResponse.error(404)));
        Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, r.answerFile().fileName());
        a.addClassName("opendata-request-answer-file");
        return a;
    }
}
