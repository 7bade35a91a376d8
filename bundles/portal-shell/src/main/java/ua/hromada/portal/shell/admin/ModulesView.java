package ua.hromada.portal.shell.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.InstalledModules.BundleInfo;
import ua.hromada.portal.api.InstalledModules.ModuleException;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.InstalledModules.Source;
import ua.hromada.portal.api.InstalledModules.State;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.shell.core.ModuleChangeRule;
import ua.hromada.portal.shell.core.ModuleEvents;
import ua.hromada.portal.ui.support.Confirmation;
import ua.hromada.portal.ui.upload.LimitedUpload;
import ua.hromada.portal.ui.upload.UploadedFile;

/**
 * Admin: the installed modules, one row each (name, version, state, where it came from, its
 * pages and errors), opened to its bundles; start, stop and uninstall a whole module, upload a
 * .kar or .jar. The list follows module changes by push while the view is open. Who may change
 * modules is {@link ModuleChangeRule}'s to say: for anyone else the buttons and the upload are
 * disabled and a note says why (the service refuses them too).
 */
public class ModulesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ModulesView.class);
    /** Largest module archive accepted (a feature .kar with its libraries stays well under it). */
    private static final long MAX_MODULE_BYTES = 100L * 1024 * 1024;

    private final transient InstalledModules modules;
    private final transient AuditLog audit;
    private final transient ModuleEvents events;
    private final transient ModuleChangeRule rule;
    private final Upload upload = new Upload();
    private final Span rightsNote = new Span();
    private final Grid<ModuleInfo> grid = new Grid<>();
    private final transient Function<String, Optional<String>> texts;
    /** Keys of the rows opened to their bundles, kept across refreshes. */
    private final Set<String> opened = new HashSet<>();
    private transient Runnable unsubscribe;
    private transient List<ModuleInfo> shown;
    /** Why the user may not change modules (a message key), null when they may; as the rows show it. */
    private String refusal;

    /** @param texts a key's text in the page's language, empty when no bundle has it */
    public ModulesView(InstalledModules modules, ModuleEvents events, ModuleChangeRule rule, AuditLog audit,
            Function<String, Optional<String>> texts) {
        this.texts = texts;
        this.modules = modules;
        this.events = events;
        this.rule = rule;
        this.audit = audit;
        setId("modules-view");
        setSizeFull();

        grid.setId("modules-grid");
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("admin.modules.name")).setAutoWidth(true);
        grid.addColumn(ModuleInfo::version).setHeader(getTranslation("admin.modules.version")).setAutoWidth(true);
        grid.addComponentColumn(m -> badge(m.state().name(), "admin.modules.state." + m.state().name(),
                "module-" + m.key() + "-state")).setHeader(getTranslation("admin.modules.state")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation("admin.modules.source." + m.source().name()))
                .setHeader(getTranslation("admin.modules.source")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.routes())).setHeader(getTranslation("admin.modules.views"))
                .setFlexGrow(1);
        grid.addColumn(this::problem).setHeader(getTranslation("admin.modules.error")).setFlexGrow(1);
        // frozen at the end, as in the users view: the buttons stay put when they take the focus
        grid.addComponentColumn(this::actions).setHeader(getTranslation("common.actions")).setAutoWidth(true)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("admin.modules.empty"));
        // opened by the row's own button, so a click on start or stop does not open it as well
        grid.setDetailsVisibleOnClick(false);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::bundles));

        // a module streams to a temporary file, cut off on the server at MAX_MODULE_BYTES
        LimitedUpload.attach(this, upload, MAX_MODULE_BYTES, 1, this::install,
                message -> Feedback.error(message));
        upload.setId("modules-upload");
        upload.setAcceptedFileTypes(".jar", ".kar");
        upload.setDropLabel(new Span(getTranslation("admin.modules.dropHere")));
        upload.addFileRejectedListener(e -> Feedback.error(getTranslation("admin.modules.rejected", e.getErrorMessage())));
        Button refresh = new Button(getTranslation("common.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("modules-refresh");
        HorizontalLayout toolbar = new HorizontalLayout(upload, refresh);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        Span bootNote = new Span(getTranslation("admin.modules.bootNote"));
        bootNote.addClassName("modules-note");
        rightsNote.setId("modules-rights-note");
        rightsNote.addClassName("modules-note");
        rightsNote.setVisible(false);
        add(toolbar, rightsNote, bootNote, grid);
        expand(grid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        UI ui = attachEvent.getUI();
        // pushed: a module deployed or stopped elsewhere shows here without a reload
        unsubscribe = events.subscribe(() -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unsubscribe != null) {
            unsubscribe.run();
            unsubscribe = null;
        }
        super.onDetach(detachEvent);
    }

    private Component nameCell(ModuleInfo module) {
        Button toggle = new Button(VaadinIcon.ANGLE_RIGHT.create());
        toggle.setId("module-" + module.key() + "-bundles");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        boolean open = opened.contains(module.key());
        toggle.setIcon(open ? VaadinIcon.ANGLE_DOWN.create() : VaadinIcon.ANGLE_RIGHT.create());
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
        toggle.getElement().setAttribute("aria-label", getTranslation("admin.modules.bundles", name(module)));
        toggle.setTooltipText(getTranslation("admin.modules.bundles", name(module)));
        toggle.setEnabled(!module.bundles().isEmpty());
        toggle.addClickListener(e -> {
            if (!opened.remove(module.key())) {
                opened.add(module.key());
            }
            grid.setDetailsVisible(module, opened.contains(module.key()));
            grid.getDataProvider().refreshItem(module);
        });
        Span name = new Span(name(module));
        name.setId("module-" + module.key() + "-name");
        HorizontalLayout cell = new HorizontalLayout(toggle, name);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        cell.setSpacing(false);
        return cell;
    }

    private Component bundles(ModuleInfo module) {
        Grid<BundleInfo> bundles = new Grid<>();
        bundles.setId("module-" + module.key() + "-bundle-grid");
        bundles.addColumn(b -> texts.apply("module.name." + b.symbolicName()).orElse(b.name()))
                .setHeader(getTranslation("admin.modules.bundle")).setAutoWidth(true);
        bundles.addColumn(BundleInfo::symbolicName).setHeader(getTranslation("admin.modules.symbolicName"))
                .setAutoWidth(true);
        bundles.addColumn(BundleInfo::version).setHeader(getTranslation("admin.modules.version")).setAutoWidth(true);
        bundles.addComponentColumn(b -> badge(b.error() != null ? "FAILED" : b.state(),
                "admin.modules.state." + (b.error() != null ? "FAILED" : b.state()), null))
                .setHeader(getTranslation("admin.modules.state")).setAutoWidth(true);
        bundles.addColumn(b -> b.error() == null ? "" : b.error()).setHeader(getTranslation("admin.modules.error"))
                .setFlexGrow(1);
        bundles.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        bundles.setAllRowsVisible(true);
        bundles.setItems(module.bundles());
        return bundles;
    }

    private Span badge(String state, String labelKey, String id) {
        Span badge = new Span(getTranslation(labelKey));
        badge.getElement().getThemeList().add("badge" + switch (state) {
            case "ACTIVE" -> " success";
            case "FAILED" -> " error";
            default -> " contrast";
        });
        badge.getElement().setAttribute("data-state", state);
        if (id != null) {
            badge.setId(id);
        }
        return badge;
    }

    private String problem(ModuleInfo module) {
        if (module.errorText() != null) {
            return module.errorText();
        }
        return module.waitingFor() == null ? "" : getTranslation("admin.modules.waiting", module.waitingFor());
    }

    private void install(UploadedFile file) {
        String fileName = file.fileName();
        try (InputStream in = file.open()) {
            ModuleInfo info = modules.install(fileName, in);
            audit.record(Feedback.actor(), "portal", "module", info.key(), "install", fileName);
            if (info.state() == State.FAILED) {
                Feedback.error(getTranslation("admin.modules.installedFailed", name(info), info.errorText()));
            } else if (info.state() == State.INSTALLING) {
                Feedback.success(getTranslation("admin.modules.karAccepted", fileName, name(info)));
            } else {
                Feedback.success(getTranslation("admin.modules.installed", name(info)));
            }
        } catch (ModuleException e) {
            LOG.info("Module upload {} refused: {}", fileName, e.getMessage());
            Feedback.error(getTranslation(e.messageKey(), e.getMessage()));
        } catch (PortalException e) {
            LOG.info("Module upload {} refused: {}", fileName, e.getMessage());
            Feedback.error(getTranslation(e.messageKey(), e.args()));
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
        String key = module.key();
        boolean installed = !module.bundles().isEmpty();
        if (installed && (module.state() == State.ACTIVE || module.state() == State.STARTING)) {
            actions.add(action(VaadinIcon.STOP, "stop", module, () -> confirm("admin.modules.stopTitle",
                    getTranslation("admin.modules.stopText", name(module)), "admin.modules.stop",
                    () -> run("stop", module, () -> modules.stop(key)))));
        } else if (installed) {
            actions.add(action(VaadinIcon.PLAY, "start", module, () -> run("start", module, () -> modules.start(key))));
        }
        if (installed || module.source() != Source.BOOT) {
            String text = getTranslation("admin.modules.uninstallText", name(module))
                    + (module.source() == Source.BOOT ? " " + getTranslation("admin.modules.uninstallBoot") : "");
            Button uninstall = action(VaadinIcon.TRASH, "uninstall", module, () -> confirm("admin.modules.uninstallTitle",
                    text, "admin.modules.uninstall", () -> run("uninstall", module, () -> modules.uninstall(key))));
            uninstall.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(uninstall);
        }
        return actions;
    }

    private Button action(VaadinIcon icon, String operation, ModuleInfo module, Runnable onClick) {
        String label = getTranslation("admin.modules." + operation);
        Button button = new Button(icon.create(), e -> onClick.run());
        button.setId("module-" + module.key() + "-" + operation);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTooltipText(label);
        button.getElement().setAttribute("aria-label", label + " " + name(module));
        button.setEnabled(refusal == null);
        return button;
    }

    /** Asks before an operation people with the module's pages open will notice. */
    private void confirm(String titleKey, String text, String confirmKey, Runnable operation) {
        Confirmation.ask("module-confirm", getTranslation(titleKey), text, getTranslation("common.cancel"),
                getTranslation(confirmKey), operation);
    }

    private void run(String operation, ModuleInfo module, Runnable action) {
        String label = getTranslation("admin.modules." + operation);
        try {
            action.run();
            audit.record(Feedback.actor(), "portal", "module", module.key(), operation, module.version());
            Feedback.success(getTranslation("admin.modules.done", label, name(module)));
        } catch (ModuleException e) {
            Feedback.error(getTranslation(e.messageKey(), e.getMessage()));
        } catch (PortalException e) {
            Feedback.error(getTranslation(e.messageKey(), e.args()));
        }
        refresh();
    }

    private void refresh() {
        List<ModuleInfo> list = modules.list();
        // a community added meanwhile may take the changes away
        String now = rule.refusal().orElse(null);
        if (list.equals(shown) && Objects.equals(now, refusal)) {
            return; // nothing changed: the rows (and a button being clicked) stay as they are
        }
        shown = list;
        refusal = now;
        upload.setEnabled(refusal == null);
        rightsNote.setVisible(refusal != null);
        rightsNote.setText(refusal == null ? "" : getTranslation(refusal));
        grid.setItems(list);
        opened.retainAll(list.stream().map(ModuleInfo::key).toList());
        for (ModuleInfo module : list) {
            grid.setDetailsVisible(module, opened.contains(module.key()));
        }
    }

    /**
     * A module's name in the page's language: {@code module.name.<symbolic name>} of its main
     * bundle while it runs (its texts are there then), else its manifest's name (Ukrainian).
     */
    private String name(ModuleInfo module) {
        return Optional.ofNullable(module.nameBundle()).flatMap(b -> texts.apply("module.name." + b))
                .orElse(module.name());
    }
}
