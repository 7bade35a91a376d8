package ua.hromada.docsearch.ui.view;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActFile;
import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.ActLink;
import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.docsearch.api.FileUpload;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.docsearch.api.LegalActSearch;
import ua.hromada.docsearch.api.LinkType;
import ua.hromada.docsearch.api.SearchQuery;
import ua.hromada.docsearch.api.SearchResult.Hit;
import ua.hromada.docsearch.api.DocsearchException;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * Creates an act ({@code docs/new}); {@link ActEditView} reuses it for {@code docs/edit/:id}.
 * The service validates; refused fields are marked with its messages and the entered values stay.
 */
public class ActFormView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ActFormView.class);
    /** Files one act takes in one save. */
    private static final int MAX_FILES = 20;

    protected final transient LegalActRegistry registry;
    private final transient LegalActSearch search;
    private final transient CurrentUser currentUser;

    protected final H2 heading = new H2();
    private final ComboBox<ActKind> kind = new ComboBox<>();
    private final TextField number = new TextField();
    private final DatePicker date = new DatePicker();
    private final TextArea title = new TextArea();
    private final ComboBox<String> issuingBody = new ComboBox<>();
    private final IntegerField convocation = new IntegerField();
    private final IntegerField session = new IntegerField();
    private final Select<ActStatus> status = new Select<>();
    private final TextField tags = new TextField();
    private final Paragraph formError = new Paragraph();

    /** Links being edited: target and type, with the text shown for the target. */
    private record LinkRow(long targetId, LinkType type, String text) {
    }

    private final List<LinkRow> links = new ArrayList<>();
    private final VerticalLayout linkList = new VerticalLayout();
    private final ComboBox<Hit> linkTarget = new ComboBox<>();
    private final Select<LinkType> linkType = new Select<>();
    private final Span linkError = new Span();

    private final List<UploadedFile> newFiles = new ArrayList<>();
    private final List<ActFile> existingFiles = new ArrayList<>();
    private final Set<Long> filesToRemove = new LinkedHashSet<>();
    private final VerticalLayout fileList = new VerticalLayout();
    private final Span fileError = new Span();
    private final Upload upload;
    private final LimitedUpload uploads;

    /** The act being edited, or null when creating. */
    protected Long actId;
    /** The version of the act as loaded; the save sends it back (a newer one is refused). */
    protected long version;

    public ActFormView(LegalActRegistry registry, LegalActSearch search, CurrentUser currentUser) {
        this.registry = registry;
        this.search = search;
        this.currentUser = currentUser;
        setId("act-form");
        setMaxWidth("60rem");
        heading.setText(getTranslation("docsearch.ui.form.newTitle"));

        // which fields are required is the service's rule: the form only marks them
        Set<String> required = registry.requiredFields();
        field(kind, "kind", "act-kind", required);
        kind.setItems(registry.kinds());
        kind.setItemLabelGenerator(k -> k.name(getLocale()));
        field(number, "number", "act-number", required);
        field(date, "date", "act-date", required);
        UiSupport.localise(date);
        field(title, "title", "act-title", required);
        field(issuingBody, "issuingBody", "act-body", required);
        issuingBody.setItems(registry.issuingBodies());
        // a body not used before is typed in
        issuingBody.setAllowCustomValue(true);
        issuingBody.addCustomValueSetListener(e -> issuingBody.setValue(e.getDetail()));
        field(convocation, "convocation", "act-convocation", required);
        convocation.setMin(1);
        field(session, "session", "act-session", required);
        session.setMin(1);
        field(status, "status", "act-status", required);
        status.setItems(ActStatus.values());
        status.setItemLabelGenerator(s -> getTranslation("docsearch.status." + s.name()));
        status.setValue(ActDraft.DEFAULT_STATUS);
        field(tags, "tags", "act-tags", required);
        tags.setHelperText(getTranslation("docsearch.ui.act.tagsHelp"));

        FormLayout form = new FormLayout(kind, number, date, status, title, issuingBody, convocation, session, tags);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(title, 2);
        form.setColspan(issuingBody, 2);
        form.setColspan(tags, 2);

        linkTarget.setId("act-link-target");
        linkTarget.setLabel(getTranslation("docsearch.ui.form.linkAct"));
        linkTarget.setItemLabelGenerator(this::hitText);
        linkTarget.setItems(q -> {
            String text = q.getFilter().orElse("").trim();
            int offset = q.getOffset();
            int limit = Math.min(q.getLimit(), 50);
            if (text.length() < 2 || offset > 0) {
                return java.util.stream.Stream.<Hit>empty();
            }
            SearchQuery query = new SearchQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), null, null,
                    SearchQuery.Sort.RELEVANCE, 0, limit);
            return search.search(query).hits().stream().filter(h -> actId == null || h.id() != actId);
        });
        linkTarget.setWidth("28rem");
        linkType.setId("act-link-type");
        linkType.setLabel(getTranslation("docsearch.ui.form.linkType"));
        linkType.setItems(LinkType.values());
        linkType.setItemLabelGenerator(t -> getTranslation("docsearch.ui.link." + t.name()));
        linkType.setValue(LinkType.AMENDS);
        Button addLink = new Button(getTranslation("docsearch.ui.form.addLink"), VaadinIcon.PLUS.create(), e -> addLink());
        addLink.setId("act-link-add");
        HorizontalLayout linkBar = new HorizontalLayout(linkType, linkTarget, addLink);
        linkBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        linkBar.setWrap(true);
        linkList.setId("act-link-list");
        linkList.setPadding(false);
        linkList.setSpacing(false);
        linkError.setId("act-link-error");
        errorStyle(linkError);

        upload = new Upload();
        String limit = LimitedUpload.megabytes(registry.maxFileBytes());
        // files wait in temporary files (cut off at the registry's limit), read only when saved
        uploads = LimitedUpload.attach(this, upload, registry.maxFileBytes(), MAX_FILES, file -> {
            newFiles.add(file);
            fileError.setVisible(false);
            refreshFiles();
        }, message -> {
            fileError.setText(message);
            fileError.setVisible(true);
            ViewSupport.error(message);
        });
        upload.setId("act-files");
        upload.setAcceptedFileTypes(registry.acceptedFileTypes().toArray(String[]::new));
        ViewSupport.localise(this, upload, limit);
        upload.addFileRejectedListener(e -> {
            String message = getTranslation("docsearch.ui.form.fileRejectedNamed", e.getFileName(), e.getErrorMessage());
            fileError.setText(message);
            fileError.setVisible(true);
            ViewSupport.error(message);
        });
        // the upload's own list has a remove button: a file removed there is not saved either
        upload.addFileRemovedListener(e -> newFiles.stream().filter(f -> f.fileName().equals(e.getFileName()))
                .reduce((first, last) -> last).ifPresent(this::dropNewFile));
        Span filesLimit = new Span(getTranslation("docsearch.ui.form.filesLimit", limit, MAX_FILES));
        filesLimit.setId("act-files-limit");
        filesLimit.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        fileList.setId("act-file-list");
        fileList.setPadding(false);
        fileList.setSpacing(false);
        fileError.setId("act-file-error");
        errorStyle(fileError);

        formError.setId("act-form-error");
        errorStyle(formError);
        Button save = new Button(getTranslation("docsearch.ui.form.save"), e -> save());
        save.setId("act-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("docsearch.ui.form.cancel"),
                e -> getUI().ifPresent(ui -> ui.navigate(actId == null ? "docs" : SearchView.ACT_ROUTE + actId)));
        cancel.setId("act-cancel");

        add(heading, form, new H3(getTranslation("docsearch.ui.act.links")), linkBar, linkError, linkList,
                new H3(getTranslation("docsearch.ui.form.files")), filesLimit, upload, fileError, fileList, formError,
                new HorizontalLayout(save, cancel));
    }

    private static void errorStyle(com.vaadin.flow.component.Component c) {
        c.getStyle().set("color", "var(--lumo-error-text-color)");
        c.setVisible(false);
    }

    /** Fills the form with an existing act (edit). */
    protected void load(LegalAct act) {
        actId = act.id();
        version = act.version();
        filesToRemove.clear();
        heading.setText(getTranslation("docsearch.ui.form.editTitle"));
        kind.setValue(act.kind() == null ? null
                : registry.kinds().stream().filter(k -> k.code().equals(act.kind().code())).findFirst().orElse(act.kind()));
        number.setValue(nullToEmpty(act.number()));
        date.setValue(act.date());
        title.setValue(nullToEmpty(act.title()));
        issuingBody.setValue(act.issuingBody());
        convocation.setValue(act.convocation());
        session.setValue(act.session());
        status.setValue(act.status());
        tags.setValue(act.tags() == null ? "" : String.join(", ", act.tags()));
        links.clear();
        for (ActLink link : act.links() == null ? List.<ActLink>of() : act.links()) {
            // only the links this act declares are edited here; the reverse ones belong to the other act
            if (link.outgoing()) {
                links.add(new LinkRow(link.otherActId(), link.type(),
                        ViewSupport.numberDate(this, link.otherNumber(), link.otherDate()) + " «" + nullToEmpty(link.otherTitle()) + "»"));
            }
        }
        existingFiles.clear();
        existingFiles.addAll(act.files() == null ? List.of() : act.files());
        refreshLinks();
        refreshFiles();
    }

    private String hitText(Hit hit) {
        return ViewSupport.numberDate(this, hit.number(), hit.date()) + " «" + hit.title() + "»";
    }

    private void addLink() {
        Hit target = linkTarget.getValue();
        if (target == null || linkType.getValue() == null) {
            return;
        }
        links.removeIf(l -> l.targetId() == target.id() && l.type() == linkType.getValue());
        links.add(new LinkRow(target.id(), linkType.getValue(), hitText(target)));
        linkTarget.clear();
        linkError.setVisible(false);
        refreshLinks();
    }

    private void refreshLinks() {
        linkList.removeAll();
        for (LinkRow row : links) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                links.remove(row);
                refreshLinks();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel(getTranslation("docsearch.ui.form.remove"));
            HorizontalLayout line = new HorizontalLayout(
                    new Span(getTranslation("docsearch.ui.link." + row.type().name()) + ": " + row.text()), remove);
            line.setAlignItems(FlexComponent.Alignment.CENTER);
            linkList.add(line);
        }
    }

    private void refreshFiles() {
        fileList.removeAll();
        for (ActFile file : existingFiles) {
            boolean removing = filesToRemove.contains(file.id());
            Span name = new Span(file.fileName() + (removing ? " — " + getTranslation("docsearch.ui.form.removeOnSave") : ""));
            if (removing) {
                name.getStyle().set("text-decoration", "line-through");
            }
            Button toggle = new Button(removing ? VaadinIcon.ROTATE_LEFT.create() : VaadinIcon.TRASH.create(), e -> {
                if (!filesToRemove.remove(file.id())) {
                    filesToRemove.add(file.id());
                }
                refreshFiles();
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            toggle.setAriaLabel(getTranslation("docsearch.ui.form.remove") + " " + file.fileName());
            fileList.add(new HorizontalLayout(name, toggle));
        }
        for (UploadedFile file : newFiles) {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                dropNewFile(file);
                // and from the upload's own list, so both lists show the same files
                upload.getElement().executeJs("const i = this.files.findIndex(f => f.name === $0);"
                        + " if (i >= 0) { this.files = this.files.filter((f, j) => j !== i); }", file.fileName());
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            remove.setAriaLabel(getTranslation("docsearch.ui.form.remove") + " " + file.fileName());
            Span name = new Span(file.fileName() + " (" + getTranslation("docsearch.ui.form.newFile") + ", "
                    + ViewSupport.size(this, file.size()) + ")");
            name.addClassName("act-new-file");
            fileList.add(new HorizontalLayout(name, remove));
        }
    }

    /** A new file taken off the form (from either list): its temporary file goes at once. */
    private void dropNewFile(UploadedFile file) {
        if (newFiles.remove(file)) {
            uploads.release(file);
            fileError.setVisible(false);
            refreshFiles();
        }
    }

    private ActDraft draft() {
        Set<String> tagSet = Arrays.stream(tags.getValue().split("[,;]")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<ActDraft.Link> draftLinks = links.stream().map(l -> new ActDraft.Link(l.targetId(), l.type())).toList();
        String body = issuingBody.getValue();
        return new ActDraft(kind.getValue() == null ? null : kind.getValue().code(), number.getValue().trim(),
                date.getValue(), title.getValue().trim(), body == null || body.isBlank() ? null : body.trim(),
                convocation.getValue(), session.getValue(), status.getValue(), tagSet, draftLinks);
    }

    private void clearErrors() {
        for (HasValidation field : fields().values()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        formError.setVisible(false);
        linkError.setVisible(false);
        fileError.setVisible(false);
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> map = new HashMap<>();
        map.put("kind", kind);
        map.put("number", number);
        map.put("date", date);
        map.put("title", title);
        map.put("issuingBody", issuingBody);
        map.put("convocation", convocation);
        map.put("session", session);
        map.put("status", status);
        map.put("tags", tags);
        return map;
    }

    private void save() {
        clearErrors();
        PortalUser actor = ViewSupport.user(currentUser);
        try {
            LegalAct saved;
            if (actId == null) {
                saved = registry.create(draft(), fileUploads(), actor);
            } else {
                // the new files first: a refused file (all of them are checked before any is
                // written) then leaves the act exactly as it was
                if (!newFiles.isEmpty()) {
                    version = registry.addFiles(actId, version, fileUploads(), actor).version();
                    newFiles.forEach(uploads::release); // saved: not to be added again on a retry
                    newFiles.clear();
                    upload.clearFileList();
                    refreshFiles();
                }
                saved = registry.update(actId, version, draft(), actor);
                version = saved.version();
                for (Long fileId : filesToRemove) {
                    registry.removeFile(actId, fileId, actor);
                }
                saved = registry.find(actId).orElse(saved);
            }
            newFiles.forEach(uploads::release);
            newFiles.clear();
            ViewSupport.success(getTranslation("docsearch.ui.form.saved"));
            long id = saved.id();
            getUI().ifPresent(ui -> ui.navigate(SearchView.ACT_ROUTE + id));
        } catch (EditConflictException e) {
            // someone saved the act since this form loaded it: nothing of this save was written
            EditConflicts.show(this, this::reload);
        } catch (ValidationException e) {
            showErrors(e);
        } catch (DocsearchException e) {
            // refused by the service (no right to edit): its reason, nothing was saved
            formError.setText(getTranslation(e.messageKey(), e.args()));
            formError.setVisible(true);
        } catch (java.util.NoSuchElementException e) {
            formError.setText(getTranslation("docsearch.ui.act.notFound"));
            formError.setVisible(true);
        } catch (RuntimeException e) {
            String id = UiSupport.logFailure(LOG, "Saving act " + actId + " failed", e);
            formError.setText(getTranslation("docsearch.ui.form.failed", id));
            formError.setVisible(true);
        }
    }

    /** The field's id and label ({@code docsearch.ui.act.<name>}), marked when the service requires it. */
    private <F extends com.vaadin.flow.component.Component & com.vaadin.flow.component.HasLabel
            & com.vaadin.flow.component.HasValueAndElement<?, ?>> void field(F field, String name, String id,
            Set<String> required) {
        field.setId(id);
        field.setLabel(getTranslation("docsearch.ui.act." + name));
        field.setRequiredIndicatorVisible(required.contains(name));
    }

    /** The new files' bytes, read from their temporary files only now (each within the file limit). */
    private List<FileUpload> fileUploads() {
        return newFiles.stream().map(f -> new FileUpload(f.fileName(), f.bytes())).toList();
    }

    /** The conflict dialog's "load the current version": the act as saved now, version included. */
    private void reload() {
        Optional<LegalAct> current = actId == null ? Optional.empty() : registry.find(actId);
        if (current.isPresent()) {
            clearErrors();
            load(current.get());
        } else {
            getUI().ifPresent(ui -> ui.navigate(SearchView.ACT_ROUTE + actId));
        }
    }

    private void showErrors(ValidationException e) {
        Map<String, HasValidation> fields = fields();
        List<String> other = new ArrayList<>();
        e.fieldErrors().forEach((field, key) -> {
            String text = getTranslation(key, e.args(field));
            HasValidation target = fields.get(field);
            if (target != null) {
                target.setErrorMessage(text);
                target.setInvalid(true);
            } else if (field.startsWith("link")) {
                linkError.setText(text);
                linkError.setVisible(true);
            } else if (field.startsWith("file")) {
                fileError.setText(text);
                fileError.setVisible(true);
            } else {
                other.add(text);
            }
        });
        formError.setText(getTranslation("docsearch.ui.form.invalid") + (other.isEmpty() ? "" : " " + String.join(" ", other)));
        formError.setVisible(true);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
