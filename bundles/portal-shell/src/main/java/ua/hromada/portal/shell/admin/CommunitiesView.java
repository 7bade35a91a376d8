package ua.hromada.portal.shell.admin;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.portal.api.InstalledModules;
import ua.hromada.portal.api.InstalledModules.ModuleInfo;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.community.Communities;
import ua.hromada.portal.api.community.Community;
import ua.hromada.portal.api.community.CommunityAdministration;
import ua.hromada.portal.shell.admin.CommunityForm.Field;

/**
 * The regional administrator's page: the communities this portal serves and a form to add one or
 * change its name, host names, modules, logo and map centre. Saving is one call of
 * {@link CommunityAdministration#save}; a refusal is shown at the input it is about.
 */
public class CommunitiesView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Communities communities;
    private final transient CommunityAdministration administration;
    private final transient InstalledModules modules;
    private final transient Function<Community, String> nameOf;
    private final Grid<Community> grid = new Grid<>();
    private final VerticalLayout editor = new VerticalLayout();
    /** The id input of the empty form of a new community while it is shown, else null. */
    private TextField newId;

    /** @param nameOf a community's name as its pages show it */
    public CommunitiesView(Communities communities, CommunityAdministration administration, InstalledModules modules,
            Function<Community, String> nameOf) {
        this.nameOf = nameOf;
        this.communities = communities;
        this.administration = administration;
        this.modules = modules;
        setId("communities-view");
        setSizeFull();
        Button add = new Button(getTranslation("admin.communities.add"), VaadinIcon.PLUS.create(), e -> {
            if (!grid.getSelectedItems().isEmpty()) {
                grid.deselectAll(); // the selection listener opens the empty form
            } else if (newId == null) {
                showEditor(null);
            } else {
                // an empty form already open is kept: rebuilding it would drop what is being typed
                newId.focus();
            }
        });
        add.setId("communities-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("communities-grid");
        grid.addColumn(Community::id).setHeader(getTranslation("admin.communities.id")).setAutoWidth(true);
        grid.addColumn(c -> nameOf.apply(c)).setHeader(getTranslation("admin.communities.name")).setAutoWidth(true);
        grid.addColumn(this::hosts).setHeader(getTranslation("admin.communities.hosts"));
        grid.addColumn(this::moduleList).setHeader(getTranslation("admin.communities.modules"));
        grid.setEmptyStateText(getTranslation("admin.communities.empty"));
        grid.asSingleSelect().addValueChangeListener(e -> showEditor(e.getValue()));
        SplitLayout split = new SplitLayout(grid, editor);
        split.setSizeFull();
        split.setSplitterPosition(50);
        add(add, split);
        expand(split);
        refresh();
        showEditor(null);
    }

    private String hosts(Community c) {
        if (c.hosts().isEmpty()) {
            return Communities.DEFAULT.equals(c.id()) ? getTranslation("admin.communities.otherHosts") : "";
        }
        return String.join(", ", c.hosts());
    }

    private String moduleList(Community c) {
        return c.modules().isEmpty() ? getTranslation("admin.communities.allModules")
                : c.modules().stream().sorted().collect(Collectors.joining(", "));
    }

    private void refresh() {
        grid.setItems(communities.all());
    }

    private void showEditor(Community community) {
        editor.removeAll();
        CommunityForm.Values values = community == null ? CommunityForm.empty() : CommunityForm.of(community);
        editor.add(new H3(community == null ? getTranslation("admin.communities.new")
                : getTranslation("admin.communities.edit", community.id())));
        TextField id = new TextField(getTranslation("admin.communities.id"));
        id.setId("community-id");
        id.setValue(values.id());
        id.setRequired(true);
        id.setHelperText(getTranslation("admin.communities.idHelp"));
        id.setReadOnly(community != null);
        newId = community == null ? id : null;
        TextField name = text("community-name", "admin.communities.name", values.name());
        TextField nameEn = text("community-name-en", "admin.communities.nameEn", values.nameEn());
        TextArea hosts = new TextArea(getTranslation("admin.communities.hosts"));
        hosts.setId("community-hosts");
        hosts.setValue(values.hosts());
        hosts.setHelperText(getTranslation("admin.communities.hostsHelp"));
        hosts.setWidthFull();
        Checkbox all = new Checkbox(getTranslation("admin.communities.allModulesBox"), values.allModules());
        all.setId("community-all-modules");
        CheckboxGroup<String> moduleBoxes = new CheckboxGroup<>(getTranslation("admin.communities.modules"));
        moduleBoxes.setId("community-modules");
        Map<String, String> installed = new LinkedHashMap<>();
        for (ModuleInfo m : modules.list()) {
            installed.put(m.key(), m.name() == null ? m.key() : m.name());
        }
        moduleBoxes.setItems(installed.keySet());
        moduleBoxes.setItemLabelGenerator(key -> installed.get(key) + " (" + key + ")");
        moduleBoxes.setValue(values.modules().stream().filter(installed::containsKey).collect(Collectors.toSet()));
        moduleBoxes.setEnabled(!values.allModules());
        moduleBoxes.setHelperText(getTranslation("admin.communities.modulesHelp"));
        all.addValueChangeListener(e -> moduleBoxes.setEnabled(!e.getValue()));
        TextField logo = text("community-logo", "admin.communities.logo", values.logo());
        logo.setHelperText(getTranslation("admin.communities.logoHelp"));
        TextField centre = text("community-centre", "admin.communities.centre", values.centre());
        centre.setHelperText(getTranslation("admin.communities.centreHelp"));
        Map<Field, HasValidation> fields = new EnumMap<>(Field.class);
        fields.put(Field.ID, id);
        fields.put(Field.NAME, name);
        fields.put(Field.NAME_EN, nameEn);
        fields.put(Field.HOSTS, hosts);
        fields.put(Field.MODULES, moduleBoxes);
        fields.put(Field.LOGO, logo);
        fields.put(Field.CENTRE, centre);
        fields.values().forEach(f -> f.setManualValidation(true));
        id.addValueChangeListener(e -> id.setInvalid(false));
        hosts.addValueChangeListener(e -> hosts.setInvalid(false));
        moduleBoxes.addValueChangeListener(e -> moduleBoxes.setInvalid(false));
        all.addValueChangeListener(e -> moduleBoxes.setInvalid(false));
        FormLayout form = new FormLayout(id, name, nameEn, logo, centre);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        Button save = new Button(getTranslation("common.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            CommunityForm.Values entered = new CommunityForm.Values(id.getValue(), name.getValue(), nameEn.getValue(),
                    hosts.getValue(), all.getValue(), Set.copyOf(moduleBoxes.getValue()), logo.getValue(),
                    centre.getValue());
            try {
                Community saved = administration.save(CommunityForm.toCommunity(entered, Optional.ofNullable(community),
                        installed.keySet(), communities));
                Feedback.success(getTranslation("admin.communities.saved", saved.id()));
                refresh();
                grid.select(saved);
            } catch (PortalException ex) {
                String message = getTranslation(ex.messageKey(), ex.args());
                HasValidation field = fields.get(CommunityForm.fieldOf(ex));
                if (field == null) {
                    Feedback.error(message);
                } else {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                    if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                        focusable.focus();
                    }
                }
            }
        });
        save.setId("community-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        editor.add(form, hosts, all, moduleBoxes, save);
        (community == null ? id : name).focus();
    }

    private TextField text(String elementId, String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(elementId);
        field.setValue(value);
        field.setWidthFull();
        field.addValueChangeListener(e -> field.setInvalid(false));
        return field;
    }
}
