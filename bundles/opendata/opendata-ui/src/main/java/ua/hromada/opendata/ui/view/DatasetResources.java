package ua.hromada.opendata.ui.view;

import java.io.InputStream;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.LongConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.Resource;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.upload.LimitedUpload;

/**
 * The resources of a dataset's page: uploaded files and links, with upload, link and remove for
 * stewards. Each change is told to the page ({@code changed}, with the dataset's id): the
 * registry moved the dataset's version and, for new data, its last-change date.
 */
class DatasetResources extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient DatasetRegistry registry;
    private final transient PortalUser user;
    private final ZoneId zone;
    private final LongConsumer changed;

    DatasetResources(DatasetRegistry registry, PortalUser user, ZoneId zone, Dataset d, boolean edit, LongConsumer changed) {
        this.registry = registry;
        this.user = user;
        this.changed = changed;
        this.zone = zone;
        VerticalLayout box = this;
        box.setPadding(false);
        box.setId("opendata-resources");
        Grid<Resource> grid = new Grid<>();
        grid.setId("opendata-resources-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(Resource::name).setHeader(getTranslation("opendata.ui.resource.name")).setFlexGrow(3);
        grid.addColumn(r -> nz(r.format())).setHeader(getTranslation("opendata.ui.resource.format")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> OpendataUi.size(r.size(), getTranslation("opendata.ui.units")))
                .setHeader(getTranslation("opendata.ui.resource.size")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            Span sha = new Span(r.sha256() == null ? "" : r.sha256().substring(0, Math.min(12, r.sha256().length())) + "…");
            sha.getElement().setAttribute("title", nz(r.sha256()));
            sha.getStyle().set("font-family", "monospace");
            return sha;
        }).setHeader(getTranslation("opendata.ui.resource.sha256")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> DisplayFormats.dateTime(r.modified(), zone))
                .setHeader(getTranslation("opendata.ui.resource.modified")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> {
            HorizontalLayout actions = new HorizontalLayout();
            actions.setSpacing(false);
            actions.add(r.uploaded() ? download(r) : external(r));
            if (edit) {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> remove(r, grid));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
                remove.addClassName("opendata-resource-remove");
                remove.getElement().setAttribute("aria-label", getTranslation("opendata.ui.resource.remove"));
                actions.add(remove);
            }
            return actions;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("opendata.ui.resource.empty"));
        grid.setItems(registry.resources(d.id()));
        box.add(new H3(getTranslation("opendata.ui.resource.heading")), grid);
        if (edit) {
            box.add(uploadRow(d, grid), linkRow(d, grid));
        }
    }

    private Anchor download(Resource r) {
        long id = r.id();
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            Optional<InputStream> in = registry.content(id);
            if (in.isEmpty()) {
                return DownloadResponse.error(404);
            }
            return new DownloadResponse(in.get(), r.fileName(), r.mediaType(), r.size() == null ? -1 : r.size());
        });
        Anchor a = new Anchor(handler, AttachmentType.DOWNLOAD, getTranslation("opendata.ui.resource.download"));
        a.addClassName("opendata-resource-download");
        return a;
    }

    private Anchor external(Resource r) {
        Anchor a = new Anchor(r.url(), getTranslation("opendata.ui.resource.open"), AnchorTarget.BLANK);
        a.getElement().setAttribute("rel", "noopener noreferrer");
        a.addClassName("opendata-resource-link");
        return a;
    }

    private void remove(Resource r, Grid<Resource> grid) {
        try {
            registry.removeResource(user, r.id());
            grid.setItems(registry.resources(r.datasetId()));
            changed.accept(r.datasetId());
            OpendataUi.success(getTranslation("opendata.ui.resource.removed", r.name()));
        } catch (OpendataException e) {
            OpendataUi.error(OpendataUi.reason(this, e));
        }
    }

    private Component uploadRow(Dataset d, Grid<Resource> grid) {
        Upload upload = new Upload();
        // each file streams to a temporary file, cut off on the server at upload.max.size.mb
        LimitedUpload.attach(this, upload, registry.maxUploadBytes(), 20, file -> {
            try {
                Resource r = registry.upload(user, d.id(), null, null, file.fileName(), file.bytes());
                grid.setItems(registry.resources(d.id()));
                changed.accept(d.id());
                OpendataUi.success(getTranslation("opendata.ui.resource.uploaded", r.name()));
            } catch (OpendataException e) {
                OpendataUi.error(OpendataUi.reason(this, e));
            } finally {
                file.delete();
            }
        }, OpendataUi::error);
        upload.setId("opendata-resource-upload");
        OpendataUi.localise(this, upload);
        upload.addFileRejectedListener(e -> OpendataUi.error(getTranslation("opendata.ui.upload.rejected", e.getErrorMessage())));
        return upload;
    }

    private Component linkRow(Dataset d, Grid<Resource> grid) {
        TextField name = new TextField(getTranslation("opendata.ui.resource.name"));
        name.setId("opendata-link-name");
        TextField url = new TextField(getTranslation("opendata.ui.resource.url"));
        url.setId("opendata-link-url");
        url.setWidth("28rem");
        url.setPlaceholder("https://");
        TextField format = new TextField(getTranslation("opendata.ui.resource.format"));
        format.setId("opendata-link-format");
        format.setWidth("8rem");
        Button add = new Button(getTranslation("opendata.ui.resource.addLink"), VaadinIcon.LINK.create());
        add.setId("opendata-link-add");
        add.addClickListener(e -> {
            url.setInvalid(false);
            try {
                registry.addLink(user, d.id(), name.getValue(), format.getValue(), url.getValue());
                grid.setItems(registry.resources(d.id()));
                changed.accept(d.id());
                name.clear();
                url.clear();
                format.clear();
            } catch (OpendataException ex) {
                url.setErrorMessage(OpendataUi.reason(this, ex));
                url.setInvalid(true);
            }
        });
        HorizontalLayout row = new HorizontalLayout(name, url, format, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
