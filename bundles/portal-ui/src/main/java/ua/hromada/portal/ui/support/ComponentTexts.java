package ua.hromada.portal.ui.support;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import elemental.json.Json;
import elemental.json.JsonObject;

/**
 * Vaadin components' own texts (buttons, aria labels, upload states) in the page's language:
 * without these they are English in the Ukrainian portal. Texts from i18n/portalui ({@code vaadin.*}).
 */
public final class ComponentTexts {

    private static final String UPLOAD = "vaadin.upload.";

    private ComponentTexts() {
    }

    /** "Show password" of the reveal button (no Java API for it in 24.9: the element's i18n). */
    public static PasswordField password(PasswordField field) {
        JsonObject i18n = Json.createObject();
        i18n.put("reveal", field.getTranslation("vaadin.password.reveal"));
        field.getElement().setPropertyJson("i18n", i18n);
        return field;
    }

    /** "More options" of the overflow button. */
    public static MenuBar menuBar(MenuBar menu) {
        menu.setI18n(new MenuBar.MenuBarI18n().setMoreOptions(menu.getTranslation("vaadin.menuBar.moreOptions")));
        return menu;
    }

    /** "Toggle navigation panel" of the drawer toggle (an element property, no Java API). */
    public static DrawerToggle drawerToggle(DrawerToggle toggle) {
        toggle.getElement().setProperty("ariaLabel", toggle.getTranslation("vaadin.drawerToggle"));
        return toggle;
    }

    /**
     * Every text of an upload: add and drop labels, refusals, progress, file buttons, size units.
     * A module may still set its own wording afterwards.
     */
    public static Upload upload(Component owner, Upload upload) {
        return upload(owner, upload, UPLOAD);
    }

    /**
     * The same texts in a module's own wording: each is the key {@code <prefix><name>}, with the
     * names of portal-ui's {@code vaadin.upload.*} (addOne, addMany, dropOne, dropMany, tooMany,
     * tooBig, wrongType, connecting, stalled, processing, held, remaining, remainingUnknown,
     * serverUnavailable, serverError, forbidden, retry, start, remove, units: comma-separated);
     * {@code tooBigArgs} fill the tooBig text (e.g. the limit).
     */
    public static Upload upload(Component owner, Upload upload, String prefix, Object... tooBigArgs) {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(t(owner, prefix, "addOne")).setMany(t(owner, prefix, "addMany")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(t(owner, prefix, "dropOne"))
                .setMany(t(owner, prefix, "dropMany")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(t(owner, prefix, "tooMany"))
                .setFileIsTooBig(owner.getTranslation(prefix + "tooBig", tooBigArgs))
                .setIncorrectFileType(t(owner, prefix, "wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(t(owner, prefix, "connecting"))
                        .setStalled(t(owner, prefix, "stalled")).setProcessing(t(owner, prefix, "processing"))
                        .setHeld(t(owner, prefix, "held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime().setPrefix(t(owner, prefix, "remaining"))
                        .setUnknown(t(owner, prefix, "remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error().setServerUnavailable(t(owner, prefix, "serverUnavailable"))
                        .setUnexpectedServerError(t(owner, prefix, "serverError"))
                        .setForbidden(t(owner, prefix, "forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(t(owner, prefix, "retry")).setStart(t(owner, prefix, "start"))
                .setRemove(t(owner, prefix, "remove")));
        i18n.setUnits(List.of(t(owner, prefix, "units").split(",")));
        upload.setI18n(i18n);
        return upload;
    }

    private static String t(Component owner, String prefix, String name) {
        return owner.getTranslation(prefix + name);
    }
}
