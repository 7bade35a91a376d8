package ua.hromada.opendata.ui.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.streams.DownloadEvent;

import ua.hromada.opendata.api.OpendataException;

/**
 * A file a service writes when it is downloaded (a report, a letter): written to memory first, so
 * a refusal shows its reason on the page (answered 409) and never leaves half a file.
 */
final class WrittenDownload {
    private static final Logger LOG = LoggerFactory.getLogger(WrittenDownload.class);

    /** Writes the file; refuses with an {@link OpendataException}. */
    @FunctionalInterface
    interface Writer {
        void write(OutputStream out);
    }

    private WrittenDownload() {
    }

    static void send(DownloadEvent event, Component owner, String fileName, String contentType, Writer writer)
            throws IOException {
        event.setFileName(fileName);
        event.setContentType(contentType);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            writer.write(buffer);
        } catch (OpendataException e) {
            LOG.info("Download of {} refused: {}", fileName, e.getMessage());
            event.getUI().access(() -> OpendataUi.error(OpendataUi.reason(owner, e)));
            event.getResponse().setStatus(409);
            return;
        }
        try (OutputStream out = event.getOutputStream()) {
            buffer.writeTo(out);
        }
    }
}
