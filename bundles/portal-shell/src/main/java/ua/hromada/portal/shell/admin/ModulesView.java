package ua.hromada.portal.shell.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.InstalledModules.ModuleException;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.shell.core.SessionCurrentUser;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/** Admin: installed modules with their state and views; start, stop, uninstall, upload. */
public class ModulesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ModulesView.class);
    /** Largest module archive accepted (a feature .kar with its libraries stays well under it). */
    private static final long MAX_MODULE_BYTES = 100L * 1024 * 1024;

    private final transient InstalledModules modules;
    private final transient AuditLog audit;
    private final Grid<ModuleInfo> grid = new Grid<>();
    private final transient Function<String, Optional<String>> texts;

    /** @param texts a key's text in the page's language, empty when no bundle has it */
    public ModulesView(InstalledModules modules, SessionCurrentUser currentUser, AuditLog audit,
            Function<String, Optional<String>> texts) {
        this.texts = texts;
        this.modules = modules;
        this.audit = audit;
        setId("modules-view");
        setSizeFull();

        grid.setId("modules-grid");
        grid.addColumn(this::name).setHeader(getTranslation("admin.modules.name")).setAutoWidth(true);
        grid.addColumn(ModuleInfo::key).setHeader(getTranslation("admin.modules.key")).setAutoWidth(true);
        grid.addColumn(ModuleInfo::version).setHeader(getTranslation("admin.modules.version")).setAutoWidth(true);
        grid.addComponentColumn(m -> {
            Span badge = new Span(getTranslation("admin.modules.state." + m.state()));
            badge.getElement().getThemeList().add("badge" + switch (m.state()) {
                case "ACTIVE" -> " success";
                case "FAILED" -> " error";
                default -> " contrast";
            });
            badge.getElement().setAttribute("data-state", m.state());
            return badge;
        }).setHeader(getTranslation("admin.modules.state")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.routes())).setHeader(getTranslation("admin.modules.views"))
                .setFlexGrow(1);
        grid.addColumn(m -> m.error() == null ? "" : m.error()).setHeader(getTranslation("admin.modules.error"))
                .setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("admin.modules.empty"));

        Upload upload = new Upload();
        // a module streams to a temporary file, cut off on the server at MAX_MODULE_BYTES
        LimitedUpload.attach(this, upload, MAX_MODULE_BYTES, 1, this::install,
                message -> Feedback.error(message));
        upload.setId("modules-upload");
        upload.setAcceptedFileTypes(".jar", ".kar");
        upload.setDropLabel(new Span(getTranslation("admin.modules.dropHere")));
        upload.addFileRejectedListener(e -> Feedback.error(getTranslation("admin.modules.rejected", e.getErrorMessage())));
        Button refresh = new Button(getTranslation("common.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        HorizontalLayout toolbar = new HorizontalLayout(upload, refresh);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private void install(UploadedFile file) {
        String fileName = file.fileName();
        try (InputStream in = file.open()) {
            ModuleInfo info = modules.install(fileName, in);
            audit.record(Feedback.actor(), "portal", "module", info.symbolicName(), "install", fileName);
            if ("FAILED".equals(info.state())) {
                Feedback.error(getTranslation("admin.modules.installedFailed", name(info), info.error()));
            } else {
                Feedback.success(getTranslation("admin.modules.installed", name(info)));
            }
        } catch (ModuleException e) {
            LOG.info("Module upload {} refused: {}", fileName, e.getMessage());
            Feedback.error(getTranslation(e.messageKey(), e.getMessage()));
        } catch (IOException e) {
            LOG.warn("Module upload {} could not be read back from its temporary file", fileName, e);
            Feedback.error(getTranslation("admin.modules.rejected", fileName));
        } finally {
            file.delete();
        }
        refresh();
    }

    private HorizontalLayout actions(ModuleInfo module) {
        HorizontalLayout actions = new HorizontalLayout();
        if ("ACTIVE".equals(module.state())) {
            actions.add(action(VaadinIcon.STOP, "admin.modules.stop", module, () -> modules.stop(module.bundleId())));
        } else {
            actions.add(action(VaadinIcon.PLAY, "admin.modules.start", module, () -> modules.start(module.bundleId())));
        }
        Button uninstall = new Button(VaadinIcon.TRASH.create(), e -> new ConfirmDialog(
                getTranslation("admin.modules.uninstallTitle"),
                getTranslation("admin.modules.uninstallText", name(module)), getTranslation("admin.modules.uninstall"),
                c -> run("admin.modules.uninstall", module, () -> modules.uninstall(module.bundleId())),
                getTranslation("common.cancel"), c -> {
                }).open());
        uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        uninstall.setTooltipText(getTranslation("admin.modules.uninstall"));
        uninstall.getElement().setAttribute("aria-label", getTranslation("admin.modules.uninstall"));
        actions.add(uninstall);
        return actions;
    }

    private Button action(VaadinIcon icon, String labelKey, ModuleInfo module, Runnable operation) {
        Button button = new Button(icon.create(), e -> run(labelKey, module, operation));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTooltipText(getTranslation(labelKey));
        button.getElement().setAttribute("aria-label", getTranslation(labelKey) + " " + name(module));
        return button;
    }

    private void run(String labelKey, ModuleInfo module, Runnable operation) {
        try {
            operation.run();
            audit.record(Feedback.actor(), "portal", "module", module.symbolicName(), labelKey.substring(labelKey.lastIndexOf('.') + 1), module.version());
            Feedback.success(getTranslation("admin.modules.done", getTranslation(labelKey), name(module)));
        } catch (ModuleException e) {
            Feedback.error(getTranslation(e.messageKey(), e.getMessage()));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(modules.list());
    }

    /**
     * A module's name in the page's language: its bundle's key {@code module.name.<symbolic name>}
     * while the module runs (its bundle's texts are there then), else the manifest's
     * Hromada-Module-Name (Ukrainian).
     */
    private String name(ModuleInfo module) {
        return texts.apply("module.name." + module.symbolicName()).orElse(module.name());
    }
}
