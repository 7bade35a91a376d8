package ua.hromada.oks.ui.view;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.OksPermissions;
import ua.hromada.oks.api.PhotoUpload;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.UploadedFile;
import ua.hromada.portal.ui.support.ComponentTexts;

/** What the OKS views share: formats, status texts, messages of refusals. No state. */
public final class OksUi {

    public static final String CARD_ROUTE = "oks/violation/";
    public static final String LIST_ROUTE = "oks/violations";
    public static final String MAP_ROUTE = "oks/map";
    public static final String NEW_ROUTE = "oks/new";

    /**
     * What the reading views (map, list, card), the widget and the search ask for: any one of the
     * module's four roles; the service then limits what each of them sees. A constant (as
     * {@code PortalUser.anyOf} writes it), so pages can name it in their {@code @PortalView}.
     */
    public static final String READ = OksPermissions.VIEW + PortalUser.ANY_OF + OksPermissions.INSPECT
            + PortalUser.ANY_OF + OksPermissions.EXECUTE + PortalUser.ANY_OF + OksPermissions.ADMINISTER;

    private OksUi() {
    }

    /** Whether the user holds any of the module's permissions (what reading OKS needs). */
    public static boolean mayRead(PortalUser user) {
        return user != null && user.hasPermission(READ);
    }

    /** What a signed-in user without any OKS permission sees instead of the page. */
    public static Paragraph noAccess(Component owner) {
        Paragraph p = new Paragraph(owner.getTranslation("oks.ui.noAccess"));
        p.setId("oks-no-access");
        return p;
    }

    /**
     * The last action as the journal shows it: "2-2 Направлено виконавцю", in English "2-2 Sent to the
     * executor" (the action's name in the reader's language, {@link WorkflowAction#name(Locale)}).
     */
    public static String status(WorkflowAction action, Locale locale) {
        return action == null ? "" : action.displayCode() + " " + action.name(locale);
    }

    public static String groupName(Component owner, StatusGroup group) {
        return group == null ? "" : owner.getTranslation(group.messageKey());
    }

    /** A badge in the colour of the status group. */
    public static Span groupBadge(Component owner, StatusGroup group) {
        Span badge = new Span(groupName(owner, group));
        badge.getElement().getThemeList().add("badge");
        badge.getStyle().set("background", StatusColors.of(group) + "22").set("color", StatusColors.of(group));
        badge.getElement().setAttribute("data-group", group == null ? "" : group.name());
        return badge;
    }

    /** The plain-Ukrainian reason of a refusal, from the module's resource bundles. */
    public static String reason(Component owner, OksException e) {
        return owner.getTranslation(e.messageKey(), e.args());
    }

    public static void success(String text) {
        UiSupport.success(text);
    }

    public static void error(String text) {
        UiSupport.error(text).addClassName("oks-error");
    }

    /** The received photos' bytes, read from their temporary files only when the step is submitted. */
    static List<PhotoUpload> photoUploads(List<UploadedFile> files) {
        return files.stream().map(f -> new PhotoUpload(f.fileName(), f.bytes())).toList();
    }

    /**
     * Marks a file of the upload's list as refused instead of done (no ✓, a red row with
     * {@code oks.ui.upload.refused}) after the service refused it on arrival. The mark may reach
     * the browser before the upload's own answer does, so a row still uploading is marked when it
     * reports success.
     */
    static void markRefused(Upload upload, String fileName) {
        upload.getElement().executeJs("""
                const mark = f => { f.complete = false; f.error = $1; this.files = [...this.files]; };
                const f = (this.files || []).find(x => x.name === $0 && !x.error);
                if (f && f.complete) {
                  mark(f);
                } else {
                  const done = e => {
                    if (e.detail.file.name !== $0) return;
                    this.removeEventListener('upload-success', done);
                    mark(e.detail.file);
                  };
                  this.addEventListener('upload-success', done);
                }
                """, fileName, upload.getTranslation("oks.ui.upload.refused"));
    }

    /**
     * The label of an action's button and dialog: a shipped action's imperative ({@code oks.ui.do.<KIND>},
     * «Направити виконавцю»), an added action's name in the reader's language.
     */
    static String doLabel(Component owner, Locale locale, WorkflowAction action) {
        return action.kind() == null ? action.name(locale) : owner.getTranslation("oks.ui.do." + action.kind().name());
    }

    /** A photo upload: JPEG or PNG only, with the component's own texts in the page's language. */
    public static void photoUpload(Component owner, Upload upload) {
        upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        ComponentTexts.upload(owner, upload, "oks.ui.upload.");
    }
}
