package ua.hromada.gis.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import ua.hromada.gis.api.Attachment;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisAttachments;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.portal.api.PortalException.Reason;

/** Photos and files of an object: typed by content, kept with a deleted object, refused when they should be. */
class GisAttachmentsTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @AutoClose
    private final GisTestSetup gis = new GisTestSetup();

    @Test
    void attachReadRemove() {
        GisAttachments attachments = gis.attachments();
        GisFeature f = gis.features().create(gis.editor, gis.layer(ShippedLayers.HERITAGE).id(),
                new FeatureInput("POINT(34.55 49.59)", Map.of("name", "Садиба")));
        Attachment photo = attachments.attach(gis.editor, f.id(), "C:\\фото\\фасад.png", PNG);
        assertEquals("фасад.png", photo.fileName());
        assertEquals("image/png", photo.contentType());
        assertTrue(photo.isImage());
        byte[] pdfBytes = "%PDF-1.4 паспорт".getBytes(StandardCharsets.UTF_8);
        Attachment pdf = attachments.attach(gis.editor, f.id(), "паспорт.exe", pdfBytes);
        assertEquals("application/pdf", pdf.contentType(), "by content, not by name");
        assertEquals(List.of(photo, pdf), attachments.attachments(gis.viewer, f.id()));
        assertArrayEquals(pdfBytes, attachments.content(gis.viewer, pdf.id()).orElseThrow().bytes());
        assertTrue(attachments.content(gis.stranger, pdf.id()).isEmpty());

        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> attachments.attach(gis.viewer, f.id(), "x.png", PNG)).reason());
        assertEquals(Reason.INVALID, assertThrows(GisException.class,
                () -> attachments.attach(gis.editor, f.id(), "x.png", new byte[0])).reason());
        assertEquals(Reason.INVALID, assertThrows(GisException.class, () -> attachments.attach(gis.editor, f.id(),
                "big.bin", new byte[(int) attachments.maxBytes() + 1])).reason());
        assertEquals(Reason.FORBIDDEN, assertThrows(GisException.class,
                () -> attachments.remove(gis.viewer, pdf.id())).reason());

        // a deleted object keeps its attachments for its restore
        gis.features().delete(gis.editor, f.id(), f.version());
        assertEquals(2, attachments.attachments(gis.viewer, f.id()).size());
        assertEquals(Reason.NOT_FOUND, assertThrows(GisException.class,
                () -> attachments.attach(gis.editor, f.id(), "x.png", PNG)).reason());
        gis.features().restore(gis.editor, f.id(), gis.features().history(gis.editor, f.id()).get(1).id());
        attachments.remove(gis.editor, pdf.id());
        assertEquals(List.of(photo), attachments.attachments(gis.viewer, f.id()));
        List<String> audit = gis.audit().stream().map(a -> a.split(":")[0]).toList();
        assertEquals(2, audit.stream().filter(a -> a.endsWith(" attach")).count());
        assertEquals(1, audit.stream().filter(a -> a.endsWith(" detach")).count());
    }
}
