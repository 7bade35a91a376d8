package ua.hromada.eservices.ui.appeals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.api.Units;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The appeal form's topics and their routing ({@code eservices/topics}): the unit that handles a
 * topic's appeals, the deadline in working days and, optionally, another module's case type the
 * appeal is handed over to.
 */
public class TopicsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    /** The hand-over targets a topic may name: none, or OKS (a violation). */
    static final List<String> HANDOVERS = List.of("", "oks");

    private final transient AppealTopics topics;
    private final transient Units units;
    private final transient PortalUser user;
    private final Grid<AppealTopic> grid = new Grid<>();
    private Map<Long, Unit> unitsById = Map.of();

    public TopicsView(AppealTopics topics, Units units, PortalUser user) {
        this.topics = topics;
        this.units = units;
        this.user = user;
        setId("eservices-topics-view");
        setSizeFull();
        add(new H2(getTranslation("eservices.ui.appeal.topics.title")));
        Button add = new Button(getTranslation("eservices.ui.appeal.topics.add"), VaadinIcon.PLUS.create(),
                e -> edit(new AppealTopic(0, "", "", "", 0, 10, "", true, nextPosition(), 0)));
        add.setId("eservices-topics-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("eservices-topics-grid");
        grid.setSizeFull();
        grid.addColumn(AppealTopic::position).setHeader(getTranslation("eservices.ui.appeal.topics.position"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AppealTopic::code).setHeader(getTranslation("eservices.ui.appeal.topics.code")).setAutoWidth(true);
        grid.addColumn(AppealTopic::name).setHeader(getTranslation("eservices.ui.appeal.topics.name")).setFlexGrow(3);
        grid.addColumn(t -> unitName(t.unitId())).setHeader(getTranslation("eservices.ui.appeal.topics.unit")).setFlexGrow(2);
        grid.addColumn(AppealTopic::deadlineDays).setHeader(getTranslation("eservices.ui.appeal.topics.deadlineDays"))
                .setAutoWidth(true);
        grid.addColumn(t -> handoverName(t.handover())).setHeader(getTranslation("eservices.ui.appeal.topics.handover"))
                .setAutoWidth(true);
        grid.addColumn(t -> getTranslation(t.active() ? "eservices.ui.appeal.yes" : "eservices.ui.appeal.no"))
                .setHeader(getTranslation("eservices.ui.appeal.topics.active")).setAutoWidth(true);
        AppealsUi.editColumn(grid, "eservices-topics-edit-", AppealTopic::code, this::edit);
        grid.setEmptyStateText(getTranslation("eservices.ui.appeal.topics.empty"));
        add(add, grid);
        reload();
    }

    private void reload() {
        unitsById = units.all().stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        grid.setItems(topics.all());
    }

    private int nextPosition() {
        return topics.all().stream().mapToInt(AppealTopic::position).max().orElse(0) + 10;
    }

    private String unitName(long unitId) {
        Unit u = unitsById.get(unitId);
        return u == null ? "" : u.name();
    }

    private String handoverName(String target) {
        return getTranslation("eservices.ui.appeal.topics.handover." + (target == null || target.isBlank() ? "none" : target));
    }

    /** The form of {@code t} (a new topic when its id is 0): the row's «Змінити» and the add button. */
    void edit(AppealTopic t) {
        boolean isNew = t.id() == 0;
        SaveDialog<AppealTopic> d = new SaveDialog<>(this, "eservices-topic-form", getTranslation(isNew
                ? "eservices.ui.appeal.topics.new" : "eservices.ui.appeal.topics.edit", t.name()),
                getTranslation("eservices.ui.appeal.save"));
        TextField code = d.errors.add(new TextField(getTranslation("eservices.ui.appeal.topics.code")), "code");
        code.setId("eservices-topic-code");
        code.setValue(t.code());
        code.setRequiredIndicatorVisible(true);
        TextField name = d.errors.add(new TextField(getTranslation("eservices.ui.appeal.topics.name")), "name");
        name.setId("eservices-topic-name");
        name.setValue(t.name());
        name.setRequiredIndicatorVisible(true);
        TextArea description = d.errors.add(new TextArea(getTranslation("eservices.ui.appeal.topics.description")),
                "description");
        description.setId("eservices-topic-description");
        description.setHelperText(getTranslation("eservices.ui.appeal.topics.descriptionHint"));
        description.setValue(t.description() == null ? "" : t.description());
        ComboBox<Unit> unit = d.errors.add(new ComboBox<>(getTranslation("eservices.ui.appeal.topics.unit")), "unitId",
                "unit");
        unit.setId("eservices-topic-unit");
        unit.setRequiredIndicatorVisible(true);
        // active units, and the topic's own unit even when it was deactivated since
        List<Unit> choices = units.all().stream().filter(u -> u.active() || u.id() == t.unitId()).toList();
        unit.setItems(choices);
        unit.setItemLabelGenerator(Unit::name);
        unit.setValue(choices.stream().filter(u -> u.id() == t.unitId()).findFirst().orElse(null));
        IntegerField days = d.errors.add(new IntegerField(getTranslation("eservices.ui.appeal.topics.deadlineDays")),
                "deadlineDays");
        days.setId("eservices-topic-days");
        days.setHelperText(getTranslation("eservices.ui.appeal.topics.deadlineHint"));
        days.setValue(t.deadlineDays());
        days.setStepButtonsVisible(true);
        Select<String> handover = d.errors.add(new Select<>(), "handover");
        handover.setLabel(getTranslation("eservices.ui.appeal.topics.handover"));
        handover.setId("eservices-topic-handover");
        handover.setItems(HANDOVERS);
        handover.setItemLabelGenerator(this::handoverName);
        handover.setHelperText(getTranslation("eservices.ui.appeal.topics.handoverHint"));
        handover.setValue(t.handover() == null ? "" : t.handover());
        IntegerField position = d.errors.add(new IntegerField(getTranslation("eservices.ui.appeal.topics.position")),
                "position");
        position.setId("eservices-topic-position");
        position.setValue(t.position());
        Checkbox active = d.errors.add(new Checkbox(getTranslation("eservices.ui.appeal.topics.active")), "active");
        active.setId("eservices-topic-active");
        active.setValue(t.active());
        FormLayout form = new FormLayout(code, name, description, unit, days, handover, position, active);
        form.setColspan(description, 2);
        d.content(form);
        d.onSave(() -> topics.save(user, new AppealTopic(t.id(), code.getValue().trim(), name.getValue().trim(),
                description.getValue().trim(), unit.getValue() == null ? 0 : unit.getValue().id(),
                days.getValue() == null ? 0 : days.getValue(), handover.getValue() == null ? "" : handover.getValue(),
                active.getValue(), position.getValue() == null ? 0 : position.getValue(), t.version())), saved -> {
                    UiSupport.success(getTranslation("eservices.ui.appeal.saved", saved.name()));
                    reload();
                }, this::reload);
        d.open();
        (isNew ? code : name).focus();
    }
}
