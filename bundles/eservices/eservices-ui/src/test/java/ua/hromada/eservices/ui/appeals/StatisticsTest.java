package ua.hromada.eservices.ui.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;

import ua.hromada.eservices.api.AppealStatistics;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.eservices.ui.appeals.StatisticsRows.Grouping;

/** The statistics page on the real service (the clerk's units only, the range checked) and its sums and CSV. */
class StatisticsTest {
    private final Pages pages = new Pages();
    private final EservicesTestSetup setup = pages.setup;
    private final Resident resident = pages.busyResident();

    @AfterEach
    void close() {
        pages.close();
    }

    private static List<AppealStatistics> rows(StatisticsView view) {
        Grid<AppealStatistics> grid = Views.find(view, "eservices-stats-grid");
        return grid.getGenericDataView().getItems().toList();
    }

    @Test
    void countsTheClerksUnitsByTheChosenDimensionAndRefusesABackwardRange() {
        setup.shipTopics();
        resident.file("blagoustrii", "Прибрати листя в парку Корпусний сад.", "a@example.org", true);
        resident.file("dorohy", "Вибоїна на вулиці Європейській.", "b@example.org", true);
        resident.file("dorohy", "Стерта розмітка на переході.", "c@example.org", false);
        resident.file("posluhy", "ЦНАП не відповідає на дзвінки.", "d@example.org", false);

        StatisticsView view = new StatisticsView(setup.appeals(), setup.clerk, setup.settings().today());
        List<AppealStatistics> detail = rows(view);
        assertEquals(2, detail.size(), "two topics of the clerk's unit this month: " + detail);
        assertEquals(3, StatisticsRows.total(detail).received(), "the other unit's appeal is not counted");

        Views.<Select<Grouping>>find(view, "eservices-stats-grouping").setValue(Grouping.UNIT);
        assertEquals(List.of(new AppealStatistics("", "", "Департамент благоустрою", 3, 0, 0, 0)), rows(view));

        DatePicker from = Views.find(view, "eservices-stats-from");
        DatePicker to = Views.find(view, "eservices-stats-to");
        to.setValue(from.getValue().minusDays(1));
        assertTrue(to.isInvalid());
        assertEquals(List.of(), rows(view));
        to.setValue(setup.settings().today());
        assertFalse(to.isInvalid());
        from.setValue(setup.settings().today().minusYears(10));
        assertTrue(to.isInvalid(), "the service's limit of the range, said at the dates");
        assertEquals(Views.key("eservices.appeal.error.period"), to.getErrorMessage());
    }

    @Test
    void sumsByMonthTopicOrUnitAndWritesCsv() throws Exception {
        List<AppealStatistics> rows = List.of(new AppealStatistics("2026-10", "Дороги", "Благоустрій", 3, 2, 1, 0),
                new AppealStatistics("2026-10", "Освітлення", "ЖКГ", 1, 1, 0, 0),
                new AppealStatistics("2026-11", "Дороги", "Благоустрій", 4, 1, 0, 2));
        assertEquals(List.of(new AppealStatistics("2026-10", "", "", 4, 3, 1, 0),
                new AppealStatistics("2026-11", "", "", 4, 1, 0, 2)), StatisticsRows.group(rows, Grouping.MONTH));
        assertEquals(List.of(new AppealStatistics("", "Дороги", "", 7, 3, 1, 2),
                new AppealStatistics("", "Освітлення", "", 1, 1, 0, 0)), StatisticsRows.group(rows, Grouping.TOPIC));
        assertEquals(rows, StatisticsRows.group(rows, Grouping.DETAIL));
        assertEquals(new AppealStatistics("", "", "", 8, 4, 1, 2), StatisticsRows.total(rows));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatisticsRows.csv(List.of(new AppealStatistics("2026-10", "Ями, вибоїни", "Відділ \"Дороги\"", 3, 2, 1, 0)),
                List.of("Місяць", "Тема", "Підрозділ", "Надійшло", "Розглянуто", "Із запізненням", "Прострочені"), out);
        assertEquals("\uFEFFМісяць,Тема,Підрозділ,Надійшло,Розглянуто,Із запізненням,Прострочені\r\n"
                + "2026-10,\"Ями, вибоїни\",\"Відділ \"\"Дороги\"\"\",3,2,1,0\r\n", out.toString(StandardCharsets.UTF_8));
    }
}
