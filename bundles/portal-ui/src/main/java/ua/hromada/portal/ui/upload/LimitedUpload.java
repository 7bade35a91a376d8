package ua.hromada.portal.ui.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import ua.hromada.portal.ui.support.ComponentTexts;

/**
 * The one way modules receive files from a browser: each file is streamed to a temporary file and
 * cut off on the server as soon as it passes the limit — the browser's {@code maxFileSize} is only
 * a hint a client can drop. Nothing of a refused file stays (its partial temporary file is
 * deleted, the view's callback is not called) and the person gets a clear message in the page's
 * language ({@code upload.tooLarge} of i18n/portalui). The request is answered 413.
 * <p>
 * Vaadin 24.9 reads a multipart upload with commons-fileupload's streaming parser when the servlet
 * has no multipart configuration (ours has none), so the bytes reach {@link #handleUploadRequest}
 * as they arrive; throwing there stops reading the request, the rest is never buffered.
 */
public final class LimitedUpload implements UploadHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LimitedUpload.class);
    private static final int BUFFER = 16 * 1024;

    private final Component owner;
    private final long maxBytes;
    private final int maxFiles;
    private final SerializableConsumer<UploadedFile> received;
    private final SerializableConsumer<String> refused;
    /** Temporary files handed to the view and not yet deleted; removed when the view detaches. */
    private final transient Set<Path> live = ConcurrentHashMap.newKeySet();
    /** Responses of requests whose file was refused, so they are answered 413 rather than 500/200. */
    private final transient Set<VaadinResponse> refusedResponses = ConcurrentHashMap.newKeySet();

    private LimitedUpload(Component owner, long maxBytes, int maxFiles, SerializableConsumer<UploadedFile> received,
            SerializableConsumer<String> refused) {
        this.owner = owner;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.received = received;
        this.refused = refused;
    }

    /**
     * Wires {@code upload} to receive at most {@code maxFiles} files of at most {@code maxBytes}
     * each. {@code received} runs in the UI (session locked) with the temporary file;
     * {@code refused} runs in the UI with the Ukrainian/English message of a refusal. The files
     * still in the temporary folder when {@code owner} detaches are deleted.
     */
    public static LimitedUpload attach(Component owner, Upload upload, long maxBytes, int maxFiles,
            SerializableConsumer<UploadedFile> received, SerializableConsumer<String> refused) {
        if (maxBytes <= 0 || maxFiles <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxFiles + " files");
        }
        LimitedUpload handler = new LimitedUpload(owner, maxBytes, maxFiles, received, refused);
        upload.setUploadHandler(handler);
        upload.setMaxFiles(maxFiles);
        // the browser refuses early (no bytes sent); the server enforces the same limit regardless
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        if (upload.getI18n() == null) {
            // Vaadin's own texts are English; a module's wording set before or after this stays
            ComponentTexts.upload(owner, upload);
        }
        owner.addDetachListener(e -> handler.deleteUnclaimed());
        return handler;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The limit as the person reads it: whole megabytes (or a fraction for limits under 1 MB). */
    public static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 1 && mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    /** Every upload request carries one file; more parts in one request are a crafted client. */
    @Override
    public long getFileCountMax() {
        return maxFiles;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName() == null || event.getFileName().isBlank() ? "file" : event.getFileName();
        UI ui = event.getUI();
        long declared = event.getRequest().getContentLengthLong();
        // one file per request plus its multipart framing: a larger body is refused before reading it
        if (declared > maxBytes + 64 * 1024) {
            refuse(event, ui, name, "declared " + declared + " bytes");
            return;
        }
        Path file = Files.createTempFile("hromada-upload-", ".part");
        boolean kept = false;
        try (InputStream in = event.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    refuse(event, ui, name, "more than " + maxBytes + " bytes sent");
                    return;
                }
                out.write(buffer, 0, n);
            }
            UploadedFile uploaded = new UploadedFile(name, event.getContentType(), file, total);
            live.add(file);
            kept = true;
            ui.access(() -> {
                if (!owner.isAttached()) {
                    release(uploaded); // the view left the page meanwhile: nobody will claim it
                } else if (live.contains(file)) {
                    received.accept(uploaded);
                }
            });
        } catch (UIDetachedException e) {
            LOG.debug("Page closed during the upload of {}", name);
            live.remove(file);
            kept = false;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Tells the person, marks the request for a 413 answer, and — for multipart — stops reading by
     * throwing (commons-fileupload would otherwise read the rest of the body to find the next part).
     */
    private void refuse(UploadEvent event, UI ui, String name, String why) throws IOException {
        LOG.info("Upload of {} refused: {} (limit {} bytes)", name, why, maxBytes);
        refusedResponses.add(event.getResponse());
        String limit = megabytes(maxBytes);
        try {
            ui.access(() -> refused.accept(owner.getTranslation("upload.tooLarge", name, limit)));
        } catch (UIDetachedException e) {
            LOG.debug("Page closed before the refusal of {} could be shown", name);
        }
        String type = event.getRequest().getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw new UploadTooLargeException(name, maxBytes);
        }
    }

    @Override
    public void responseHandled(boolean success, VaadinResponse response) {
        // Vaadin hands the same response object to the upload event and here
        if (refusedResponses.remove(response)) {
            response.setStatus(413);
        } else {
            UploadHandler.super.responseHandled(success, response);
        }
    }

    /** Deletes the temporary files the view received but never used (and forgets them). */
    public void deleteUnclaimed() {
        for (Path p : live) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.debug("Could not delete {}", p, e);
            }
            live.remove(p);
        }
    }

    /** The view is done with a file (saved or removed): delete it now. */
    public void release(UploadedFile file) {
        live.remove(file.path());
        file.delete();
    }

    /** Thrown to stop reading a multipart body at the limit; Vaadin logs it and answers the request. */
    static final class UploadTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        UploadTooLargeException(String name, long max) {
            super("Upload of " + name + " cut off at the limit of " + max + " bytes");
        }
    }
}
