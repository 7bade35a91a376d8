package ua.hromada.eservices.ui.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.service.EservicesTestSetup;

/** The managers' units and topics pages on the real services: saved through their forms, refusals at the fields. */
class UnitsAndTopicsTest {
    private final Pages pages = new Pages();
    private final EservicesTestSetup setup = pages.setup;
    private final UI ui = pages.ui;

    @AfterEach
    void close() {
        pages.close();
    }

    private static <T> List<T> rows(com.vaadin.flow.component.Component view, String gridId) {
        Grid<T> grid = Views.find(view, gridId);
        return grid.getGenericDataView().getItems().toList();
    }

    @Test
    void aUnitIsAddedAndEditedThroughItsFormWithTheServicesRefusalsAtTheFields() {
        UnitsView view = new UnitsView(setup.units(), null, setup.manager);
        assertEquals(List.of(), rows(view, "eservices-units-grid"));

        Views.<Button>find(view, "eservices-units-add").click();
        Views.<TextField>opened(ui, "eservices-unit-code").setValue("о");
        Views.<TextField>find(ui, "eservices-unit-name").setValue("Управління освіти");
        Views.<EmailField>find(ui, "eservices-unit-email").setValue("osvita@rada.example");
        Views.<Button>find(ui, "eservices-unit-form-save").click();
        TextField code = Views.find(ui, "eservices-unit-code");
        assertTrue(code.isInvalid());
        assertEquals(Views.key("eservices.unit.error.code"), code.getErrorMessage());
        code.setValue("osvita");
        ComboBox<String> role = Views.find(ui, "eservices-unit-role");
        role.setValue(null);
        Views.<Button>find(ui, "eservices-unit-form-save").click();
        List<Unit> units = rows(view, "eservices-units-grid");
        assertEquals(List.of("osvita"), units.stream().map(Unit::code).toList());
        assertEquals("osvita@rada.example", units.get(0).email());

        // a second unit with the same code: the refusal under the form, nothing saved
        Views.<Button>find(view, "eservices-units-add").click();
        Views.<TextField>opened(ui, "eservices-unit-code").setValue("osvita");
        Views.<TextField>find(ui, "eservices-unit-name").setValue("Ще одне управління");
        Views.<Button>find(ui, "eservices-unit-form-save").click();
        assertEquals(Views.key("eservices.unit.error.codeTaken"), Views.text(Views.find(ui, "eservices-unit-form-error")));
        assertEquals(1, setup.units().all().size());
        Views.<Button>find(ui, "eservices-unit-form-cancel").click();

        view.edit(setup.units().all().get(0)); // the row's «Змінити»
        Views.<TextField>opened(ui, "eservices-unit-name").setValue("Управління освіти і науки");
        Views.<Button>find(ui, "eservices-unit-form-save").click();
        assertEquals("Управління освіти і науки", setup.units().all().get(0).name());
    }

    @Test
    void withoutTheRightTheFormSaysSoAndAStaleFormOpensTheConflictDialog() {
        setup.shipTopics();
        Unit unit = setup.units().all().get(0);
        UnitsView clerks = new UnitsView(setup.units(), null, setup.clerk);
        clerks.edit(unit);
        Views.<Button>opened(ui, "eservices-unit-form-save").click();
        assertEquals(Views.key("eservices.error.forbidden"), Views.text(Views.find(ui, "eservices-unit-form-error")));
        Views.<Button>find(ui, "eservices-unit-form-cancel").click();

        UnitsView managers = new UnitsView(setup.units(), null, setup.manager);
        managers.edit(unit);
        setup.units().save(setup.manager, new Unit(unit.id(), unit.code(), unit.name(), unit.role(), "unit@rada.example",
                unit.phone(), unit.active(), unit.version()));
        Views.<TextField>opened(ui, "eservices-unit-phone").setValue("+380 53 000 00 00");
        Views.<Button>find(ui, "eservices-unit-form-save").click();
        assertTrue(Views.maybe(Views.opened(ui, "edit-conflict-dialog"), "edit-conflict-reload").isPresent());
        assertEquals("unit@rada.example", setup.units().find(unit.id()).orElseThrow().email(), "the other change stays");
    }

    @Test
    void aTopicIsRoutedToAUnitThroughItsFormAndReachesThePublicForm() {
        setup.shipTopics();
        TopicsView view = new TopicsView(setup.topics(), setup.units(), setup.manager);
        int shipped = rows(view, "eservices-topics-grid").size();

        Views.<Button>find(view, "eservices-topics-add").click();
        Views.<TextField>opened(ui, "eservices-topic-code").setValue("ozelenennia");
        Views.<TextField>find(ui, "eservices-topic-name").setValue("Озеленення");
        Views.<TextArea>find(ui, "eservices-topic-description").setValue("Висадка дерев, догляд за газонами");
        Views.<IntegerField>find(ui, "eservices-topic-days").setValue(0);
        Views.<Button>find(ui, "eservices-topic-form-save").click();
        assertTrue(Views.<ComboBox<Unit>>find(ui, "eservices-topic-unit").isInvalid(), "a unit is required");
        assertEquals(Views.key("eservices.appeal.topic.error.deadline"),
                Views.<IntegerField>find(ui, "eservices-topic-days").getErrorMessage());

        ComboBox<Unit> unit = Views.find(ui, "eservices-topic-unit");
        unit.setValue(unit.getListDataView().getItems().filter(u -> u.code().equals("blagoustrii")).findFirst().orElseThrow());
        Views.<IntegerField>find(ui, "eservices-topic-days").setValue(7);
        assertEquals("", Views.<Select<String>>find(ui, "eservices-topic-handover").getValue(), "kept by the unit");
        Views.<Button>find(ui, "eservices-topic-form-save").click();

        List<AppealTopic> topics = rows(view, "eservices-topics-grid");
        assertEquals(shipped + 1, topics.size());
        AppealTopic saved = topics.stream().filter(t -> t.code().equals("ozelenennia")).findFirst().orElseThrow();
        assertEquals(7, saved.deadlineDays());
        assertTrue(setup.topics().active().contains(saved), "offered by the public form");
        assertFalse(Views.maybe(ui, "eservices-topic-form-error").filter(c -> c.isVisible()).isPresent());
    }
}
