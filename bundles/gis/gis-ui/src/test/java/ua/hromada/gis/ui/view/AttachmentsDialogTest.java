package ua.hromada.gis.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.service.GisTestSetup;
import ua.hromada.portal.ui.upload.UploadedFile;

/** An object's photos and files on the real services: listed, added, removed by an editor; read only for a viewer. */
class AttachmentsDialogTest {
    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private final GisTestSetup gis = new GisTestSetup();
    // held here: Vaadin keeps the current UI weakly (see ViewerViewsTest)
    private final UI ui = new UI();

    AttachmentsDialogTest() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void close() {
        UI.setCurrent(null);
        gis.close();
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(AttachmentsDialogTest::all));
    }

    private static Optional<Component> find(Component root, String id) {
        return all(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst();
    }

    private GisFeature monument() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", "Пам’ятник Шевченку");
        return gis.features().create(gis.admin, gis.layer("heritage").id(), new FeatureInput(AttributeValues.point(34.55, 49.59), values));
    }

    private static UploadedFile file(String name, byte[] bytes) throws Exception {
        Path p = Files.createTempFile("gis-attachment", ".bin");
        Files.write(p, bytes);
        return new UploadedFile(name, "application/octet-stream", p, bytes.length);
    }

    @Test
    void anEditorAddsAPhotoSeesItSmallWithItsLinkAndRemovesIt() throws Exception {
        GisFeature f = monument();
        AttachmentsDialog dialog = new AttachmentsDialog(gis.attachments(), gis.admin, f, true, KYIV);
        assertTrue(find(dialog, "gis-attachments-empty").isPresent(), "the empty state");
        assertTrue(all(dialog).anyMatch(Upload.class::isInstance));

        UploadedFile photo = file("фасад.png", PNG);
        dialog.received(photo);
        assertFalse(Files.exists(photo.path()), "the temporary file is gone once attached");
        assertEquals(1, gis.attachments().attachments(gis.admin, f.id()).size());
        assertTrue(all(dialog).filter(Anchor.class::isInstance).anyMatch(a -> "фасад.png".equals(((Anchor) a).getText())));
        assertEquals(1, all(dialog).filter(Image.class::isInstance).count(), "a photo is shown small");
        assertTrue(((Paragraph) find(dialog, "gis-attachments-message").orElseThrow()).getText().contains("gis.ui.attachments.added"));

        List<Button> removes = all(dialog).filter(c -> c.getClassNames().contains("gis-attachment-remove"))
                .map(Button.class::cast).toList();
        assertEquals(1, removes.size());
        removes.get(0).click();
        assertEquals(List.of(), gis.attachments().attachments(gis.admin, f.id()));
        assertTrue(find(dialog, "gis-attachments-empty").isPresent());
    }

    @Test
    void aFileTheServiceRefusesIsSaidAndNothingIsAttached() throws Exception {
        GisFeature f = monument();
        AttachmentsDialog dialog = new AttachmentsDialog(gis.attachments(), gis.admin, f, true, KYIV);
        UploadedFile empty = file("порожній.pdf", new byte[0]);
        dialog.received(empty);
        assertEquals(List.of(), gis.attachments().attachments(gis.admin, f.id()));
        assertFalse(((Paragraph) find(dialog, "gis-attachments-message").orElseThrow()).getText().isBlank(),
                "the refusal in words");
        assertFalse(Files.exists(empty.path()));
    }

    @Test
    void aViewerSeesTheFilesButNoUploadAndNoRemoval() throws Exception {
        GisFeature f = monument();
        gis.attachments().attach(gis.admin, f.id(), "паспорт.pdf", "%PDF-1.4\n%%EOF\n".getBytes());
        AttachmentsDialog dialog = new AttachmentsDialog(gis.attachments(), gis.viewer, f, false, KYIV);
        assertTrue(all(dialog).filter(Anchor.class::isInstance).anyMatch(a -> "паспорт.pdf".equals(((Anchor) a).getText())));
        assertFalse(all(dialog).anyMatch(Upload.class::isInstance));
        assertFalse(all(dialog).anyMatch(c -> c.getClassNames().contains("gis-attachment-remove")));
    }

    @Test
    void sizesAreKilobytesAsTheReaderWritesNumbers() {
        assertEquals("12,3", AttachmentsDialog.kilobytes(12_595, Locale.forLanguageTag("uk")));
        assertEquals("12.3", AttachmentsDialog.kilobytes(12_595, Locale.ENGLISH));
    }
}
