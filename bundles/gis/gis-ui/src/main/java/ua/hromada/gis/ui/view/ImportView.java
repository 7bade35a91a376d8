package ua.hromada.gis.ui.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.gis.api.AttributeDefinition;
import ua.hromada.gis.api.FeatureInput;
import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.GisFeature;
import ua.hromada.gis.api.GisFeatures;
import ua.hromada.gis.api.GisLayers;
import ua.hromada.gis.api.Layer;
import ua.hromada.gis.exchange.ExchangeMessage;
import ua.hromada.gis.exchange.GisExchange;
import ua.hromada.gis.exchange.ImportFormat;
import ua.hromada.gis.exchange.ImportOptions;
import ua.hromada.gis.exchange.ImportedDataset;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.ui.support.JobRunner;
import ua.hromada.portal.ui.support.UiSupport;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * {@code gis/import}: a file into a layer. Upload; the format from the file name; the coordinate
 * system (from the file or chosen), CSV coordinate columns and text encoding; the file's attributes
 * mapped to the layer's; a preview with every row's errors (the file's and the layer's rules), read
 * and checked as a job; then all rows saved at once — or, when the person explicitly drops the rows
 * with errors, the others. Nothing is saved while a row has an error and none are dropped.
 */
public class ImportView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ImportView.class);
    /** The upload limit: gis-exchange's default largest file (etc/ua.hromada.gis.exchange.cfg). */
    static final long MAX_BYTES = 100L * 1024 * 1024;
    static final String POOL = "gis.import";

    private final transient GisLayers layers;
    private final transient GisFeatures features;
    private final transient GisExchange exchange;
    private final transient Jobs jobs;
    private final transient PortalUser user;
    private final ComboBox<Layer> layerBox = new ComboBox<>();
    private final Paragraph fileInfo = new Paragraph();
    private final ComboBox<Integer> crs = new ComboBox<>();
    private final ComboBox<String> charset = new ComboBox<>();
    private final ComboBox<String> lonColumn = new ComboBox<>();
    private final ComboBox<String> latColumn = new ComboBox<>();
    private final ComboBox<String> wktColumn = new ComboBox<>();
    private final Paragraph csvHelp = new Paragraph();
    private final Button read = new Button();
    private final ProgressBar bar = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final Button cancel = new Button();
    private final FormLayout mapping = new FormLayout();
    private final Map<String, ComboBox<String>> mappingBoxes = new LinkedHashMap<>();
    private final Grid<ImportPlan.Row> preview = new Grid<>();
    private final Checkbox dropBad = new Checkbox();
    private final Checkbox errorsOnly = new Checkbox();
    private final Button save = new Button();
    private final JobRunner runner;
    private transient UploadedFile file;
    private transient ImportFormat format;
    private transient ImportedDataset dataset;
    private transient List<ImportPlan.Row> rows = List.of();

    public ImportView(GisLayers layers, GisFeatures features, GisExchange exchange, Jobs jobs, PortalUser user) {
        this.layers = layers;
        this.features = features;
        this.exchange = exchange;
        this.jobs = jobs;
        this.user = user;
        setId("gis-import");
        setSizeFull();
        runner = new JobRunner(this, bar, status, cancel, getTranslation("gis.ui.import.cancelling"));
        List<Layer> editable = user == null ? List.of()
                : layers.layers(user).stream().filter(l -> layers.canEdit(user, l)).toList();
        if (editable.isEmpty()) {
            add(new H2(getTranslation("gis.ui.import.title")), GisUi.noAccess(this));
            return;
        }
        layerBox.setId("gis-import-layer");
        layerBox.setLabel(getTranslation("gis.ui.import.layer"));
        layerBox.setItems(editable);
        layerBox.setItemLabelGenerator(Layer::title);
        layerBox.setWidth("22rem");
        layerBox.addValueChangeListener(e -> resetPreview());

        Upload upload = new Upload();
        upload.setId("gis-import-upload");
        LimitedUpload.attach(this, upload, MAX_BYTES, 1, this::received, message -> {
            status.setText(message);
            GisUi.error(message);
        });
        upload.addFileRemovedListener(e -> forgetFile());
        fileInfo.setId("gis-import-file");

        crs.setId("gis-import-crs");
        crs.setLabel(getTranslation("gis.ui.import.crs"));
        crs.setItems(CoordinateSystems.CODES);
        crs.setItemLabelGenerator(code -> CoordinateSystems.label(this, code));
        crs.setPlaceholder(getTranslation("gis.ui.import.crsFromFile"));
        crs.setClearButtonVisible(true);
        charset.setId("gis-import-charset");
        charset.setLabel(getTranslation("gis.ui.import.charset"));
        charset.setItems("UTF-8", "windows-1251");
        charset.setPlaceholder(getTranslation("gis.ui.import.detect"));
        charset.setClearButtonVisible(true);
        for (ComboBox<String> c : List.of(lonColumn, latColumn, wktColumn)) {
            c.setClearButtonVisible(true);
            c.setPlaceholder(getTranslation("gis.ui.import.detect"));
            c.setVisible(false);
        }
        lonColumn.setId("gis-import-lon");
        lonColumn.setLabel(getTranslation("gis.ui.import.lonColumn"));
        latColumn.setId("gis-import-lat");
        latColumn.setLabel(getTranslation("gis.ui.import.latColumn"));
        wktColumn.setId("gis-import-wkt");
        wktColumn.setLabel(getTranslation("gis.ui.import.wktColumn"));

        csvHelp.setText(getTranslation("gis.ui.import.csvHelp"));
        csvHelp.setId("gis-import-csv-help");
        csvHelp.setVisible(false);
        read.setText(getTranslation("gis.ui.import.read"));
        read.setId("gis-import-read");
        read.setEnabled(false);
        read.addClickListener(e -> startRead());
        bar.setVisible(false);
        bar.setId("gis-import-progress");
        status.setId("gis-import-status");
        cancel.setText(getTranslation("gis.ui.cancel"));
        cancel.setId("gis-import-cancel");
        cancel.setEnabled(false);

        mapping.setId("gis-import-mapping");
        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 3));
        Button recheck = new Button(getTranslation("gis.ui.import.recheck"), e -> startCheck());
        recheck.setId("gis-import-recheck");

        preview.setId("gis-import-preview");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        preview.setHeight("50vh");
        preview.setMinHeight("16rem");
        preview.setEmptyStateText(getTranslation("gis.ui.import.empty"));
        preview.setPartNameGenerator(r -> r.ok() ? null : "gis-bad-row");
        preview.getElement().executeJs("if(!document.getElementById('gis-bad-row-style')){const s=document.createElement('style');"
                + "s.id='gis-bad-row-style';s.textContent='vaadin-grid::part(gis-bad-row){background:var(--lumo-error-color-10pct)}';"
                + "document.head.appendChild(s);}");
        errorsOnly.setId("gis-import-errors-only");
        errorsOnly.setLabel(getTranslation("gis.ui.import.errorsOnly"));
        errorsOnly.addValueChangeListener(e -> showRows());
        dropBad.setId("gis-import-drop");
        dropBad.setLabel(getTranslation("gis.ui.import.drop"));
        dropBad.addValueChangeListener(e -> updateSave());
        save.setId("gis-import-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        HorizontalLayout options = new HorizontalLayout(crs, charset, lonColumn, latColumn, wktColumn);
        options.setWrap(true);
        HorizontalLayout run = new HorizontalLayout(read, cancel, bar);
        run.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        VerticalLayout result = new VerticalLayout(new H3(getTranslation("gis.ui.import.mappingTitle")), mapping, recheck,
                new HorizontalLayout(errorsOnly, dropBad), preview, save);
        result.setPadding(false);
        result.setId("gis-import-result");
        add(new H2(getTranslation("gis.ui.import.title")), new Paragraph(getTranslation("gis.ui.import.help",
                LimitedUpload.megabytes(MAX_BYTES))), layerBox, upload, fileInfo, options, csvHelp, run, status,
                result);
        resetPreview();
        layerBox.setValue(editable.get(0));
    }

    private void received(UploadedFile received) {
        forgetFile();
        Optional<ImportFormat> f = ImportFormat.ofFileName(received.fileName());
        if (f.isEmpty()) {
            received.delete();
            fileInfo.setText(getTranslation("gis.ui.import.unknownFormat", received.fileName()));
            return;
        }
        if (!exchange.readableFormats().contains(f.get())) {
            received.delete();
            fileInfo.setText(getTranslation("gis.ui.import.formatUnavailable", getTranslation("gis.ui.format." + f.get().name())));
            return;
        }
        file = received;
        format = f.get();
        fileInfo.setText(getTranslation("gis.ui.import.fileInfo", received.fileName(),
                getTranslation("gis.ui.format." + format.name())));
        fileInfo.getElement().setAttribute("data-format", format.name());
        boolean csv = format == ImportFormat.CSV;
        lonColumn.setVisible(csv);
        latColumn.setVisible(csv);
        wktColumn.setVisible(csv);
        csvHelp.setVisible(csv);
        read.setEnabled(true);
        startRead();
    }

    private void forgetFile() {
        if (file != null) {
            file.delete();
        }
        file = null;
        format = null;
        dataset = null;
        fileInfo.setText("");
        fileInfo.getElement().removeAttribute("data-format");
        read.setEnabled(false);
        for (ComboBox<String> c : List.of(lonColumn, latColumn, wktColumn)) {
            c.clear();
            c.setItems(List.of());
        }
        resetPreview();
    }

    private ImportOptions options() {
        return new ImportOptions(crs.getValue(), lonColumn.getValue(), latColumn.getValue(), wktColumn.getValue(),
                charset.getValue(), null);
    }

    /** Reads the file with the chosen options and checks its rows, as a job. */
    private void startRead() {
        Layer layer = layerBox.getValue();
        if (file == null || layer == null) {
            return;
        }
        UploadedFile source = file;
        ImportFormat fmt = format;
        ImportOptions opts = options();
        resetPreview();
        read.setEnabled(false);
        runner.start(jobs, POOL, "read " + source.fileName(), progress -> {
            ImportedDataset ds;
            try (InputStream in = source.open()) {
                ds = exchange.read(fmt, in, opts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> map = ImportPlan.defaultMapping(layer, ds.attributeNames());
            List<ImportPlan.Row> checked = ds.fileErrors().isEmpty()
                    ? ImportPlan.preview(features, user, layer, ds, map, fallbackSrid(opts), progress) : List.of();
            return new Checked(ds, map, checked);
        }, this::progressText, this::checked);
    }

    /** Checks the rows again with the mapping as the person set it. */
    private void startCheck() {
        Layer layer = layerBox.getValue();
        ImportedDataset ds = dataset;
        if (ds == null || layer == null) {
            return;
        }
        Map<String, String> map = new LinkedHashMap<>();
        mappingBoxes.forEach((name, box) -> map.put(name, box.getValue()));
        int srid = fallbackSrid(options());
        runner.start(jobs, POOL, "check " + layer.key(), progress -> new Checked(ds, map,
                ImportPlan.preview(features, user, layer, ds, map, srid, progress)), this::progressText, this::checked);
    }

    private static int fallbackSrid(ImportOptions opts) {
        return opts.srid() == null ? FeatureInput.WGS84 : opts.srid();
    }

    private String progressText(long done, long total) {
        return total < 0 ? getTranslation("gis.ui.import.working") : getTranslation("gis.ui.import.progress", done, total);
    }

    private record Checked(ImportedDataset dataset, Map<String, String> mapping, List<ImportPlan.Row> rows) {
    }

    private void checked(Checked result, Throwable error) {
        read.setEnabled(file != null);
        if (error != null) {
            if (error instanceof java.util.concurrent.CancellationException) {
                status.setText(getTranslation("gis.ui.import.cancelled"));
            } else if (error instanceof GisException g) {
                status.setText(GisUi.reason(this, g));
            } else {
                status.setText(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Reading a GIS import failed", error)));
            }
            return;
        }
        dataset = result.dataset();
        rows = result.rows();
        if (dataset.sourceSrid() != null) {
            crs.setPlaceholder(CoordinateSystems.label(this, dataset.sourceSrid()));
        }
        List<String> names = dataset.attributeNames();
        if (format == ImportFormat.CSV) {
            for (ComboBox<String> c : List.of(lonColumn, latColumn, wktColumn)) {
                String v = c.getValue();
                c.setItems(names);
                c.setValue(v);
            }
        }
        if (!dataset.fileErrors().isEmpty()) {
            status.setText(dataset.fileErrors().stream().map(this::text).collect(Collectors.joining(" ")));
            status.getElement().setAttribute("data-file-errors", Integer.toString(dataset.fileErrors().size()));
            return;
        }
        buildMapping(names, result.mapping());
        long bad = rows.stream().filter(r -> !r.ok()).count();
        status.setText(getTranslation("gis.ui.import.previewStatus", rows.size(), rows.size() - bad, bad,
                dataset.sourceSrid() == null ? "—" : CoordinateSystems.label(this, dataset.sourceSrid())));
        status.getElement().setAttribute("data-rows", Integer.toString(rows.size()));
        status.getElement().setAttribute("data-bad", Long.toString(bad));
        showRows();
        updateSave();
    }

    private void buildMapping(List<String> fileNames, Map<String, String> chosen) {
        mapping.removeAll();
        mappingBoxes.clear();
        Layer layer = layerBox.getValue();
        for (AttributeDefinition a : layer.attributes()) {
            ComboBox<String> box = new ComboBox<>(a.label() + " (" + a.name() + ")");
            box.setId("gis-import-map-" + a.name());
            box.setItems(fileNames);
            box.setClearButtonVisible(true);
            box.setPlaceholder(getTranslation("gis.ui.import.notMapped"));
            box.setRequiredIndicatorVisible(a.required());
            box.setValue(chosen.get(a.name()));
            mappingBoxes.put(a.name(), box);
            mapping.add(box);
        }
        buildPreviewColumns(layer);
    }

    private void buildPreviewColumns(Layer layer) {
        preview.removeAllColumns();
        preview.addColumn(ImportPlan.Row::number).setHeader(getTranslation("gis.ui.import.row")).setAutoWidth(true)
                .setFlexGrow(0);
        for (AttributeDefinition a : layer.attributes()) {
            preview.addColumn(r -> AttributeValues.display(r.input().attributes().get(a.name()))).setHeader(a.label())
                    .setAutoWidth(true);
        }
        preview.addComponentColumn(r -> {
            Div d = new Div();
            d.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
            d.setText(r.problems().stream().map(this::text).collect(Collectors.joining("\n")));
            d.addClassName("gis-import-errors");
            return d;
        }).setHeader(getTranslation("gis.ui.import.errors")).setFlexGrow(3);
    }

    private String text(ImportPlan.Problem p) {
        String label = p.field() == null ? null : layerBox.getValue().attribute(p.field()).map(AttributeDefinition::label)
                .orElse(null);
        String message = getTranslation(p.key(), p.args().toArray());
        return label == null ? message : label + ": " + message;
    }

    private String text(ExchangeMessage m) {
        return getTranslation(m.key(), m.args().toArray());
    }

    private void showRows() {
        Stream<ImportPlan.Row> s = rows.stream();
        preview.setItems(errorsOnly.getValue() ? s.filter(r -> !r.ok()).toList() : s.toList());
    }

    private void updateSave() {
        List<FeatureInput> toSave = ImportPlan.toSave(rows, dropBad.getValue());
        long bad = rows.stream().filter(r -> !r.ok()).count();
        dropBad.setVisible(bad > 0);
        save.setText(getTranslation("gis.ui.import.save", toSave.size()));
        save.setEnabled(!toSave.isEmpty() && !runner.running());
    }

    private void save() {
        Layer layer = layerBox.getValue();
        List<FeatureInput> toSave = ImportPlan.toSave(rows, dropBad.getValue());
        if (layer == null || toSave.isEmpty()) {
            return;
        }
        try {
            List<GisFeature> created = features.createAll(user, layer.id(), toSave);
            status.setText(getTranslation("gis.ui.import.saved", created.size(), layer.title()));
            status.getElement().setAttribute("data-saved", Integer.toString(created.size()));
            GisUi.success(status.getText());
            rows = List.of();
            showRows();
            updateSave();
        } catch (GisException e) {
            // someone changed the layer or its objects since the check: show the rows' new errors
            List<ImportPlan.Row> okRows = rows.stream().filter(ImportPlan.Row::ok).toList();
            e.errors().stream().filter(v -> v.row() >= 0 && v.row() < okRows.size()).forEach(v -> okRows.get(v.row())
                    .problems().add(new ImportPlan.Problem(v.field(), v.messageKey(), v.args())));
            status.setText(GisUi.reason(this, e));
            showRows();
            updateSave();
        } catch (RuntimeException e) {
            status.setText(getTranslation("gis.ui.failed", UiSupport.logFailure(LOG, "Saving a GIS import failed", e)));
        }
    }

    private void resetPreview() {
        rows = List.of();
        mapping.removeAll();
        mappingBoxes.clear();
        preview.removeAllColumns();
        preview.setItems(List.of());
        errorsOnly.setValue(false);
        dropBad.setValue(false);
        dropBad.setVisible(false);
        save.setText(getTranslation("gis.ui.import.save", 0));
        save.setEnabled(false);
        status.setText("");
        for (String a : new String[] {"data-rows", "data-bad", "data-saved", "data-file-errors"}) {
            status.getElement().removeAttribute(a);
        }
        if (layerBox.getValue() != null) {
            buildPreviewColumns(layerBox.getValue());
        }
    }

    /** The coordinate systems offered: WGS 84 and UCS-2000 (geographic and the projected zones). */
    static final class CoordinateSystems {
        static final List<Integer> CODES = Stream.of(Stream.of(4326, 5561), IntStream.rangeClosed(5562, 5583).boxed(),
                IntStream.rangeClosed(6381, 6387).boxed()).flatMap(s -> s).toList();

        private CoordinateSystems() {
        }

        static String label(com.vaadin.flow.component.Component owner, int code) {
            String key = code == 4326 ? "gis.ui.crs.wgs84" : code == 5561 ? "gis.ui.crs.ucs2000" : "gis.ui.crs.ucs2000zone";
            return owner.getTranslation(key, Integer.toString(code));
        }
    }
}
