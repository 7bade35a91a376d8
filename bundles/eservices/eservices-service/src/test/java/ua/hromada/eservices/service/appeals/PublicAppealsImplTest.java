package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealQuery;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.PublicAppeal;
import ua.hromada.eservices.api.Receipt;

class PublicAppealsImplTest extends AppealTest {
    /** An appeal whose text repeats the applicant's name, e-mail and phone, as residents do. */
    private Receipt chatty(boolean publicAppeal, String email) {
        FormTicket ticket = setup.intake().openForm(AppealFixture.ADDRESS);
        setup.clock().advance(Duration.ofSeconds(10));
        return setup.intake().submit(new AppealForm(ticket.token(), String.valueOf(ticket.left() + ticket.right()),
                resident.topic("dorohy").id(), "Я, Марія Сидоренко, прошу залатати яму біля школи. Пишіть на " + email
                        + " або дзвоніть 050-765-43-21, Сидоренко.", 49.59, 34.55, List.of(), "Марія Сидоренко", email,
                "050-765-43-21", publicAppeal, true), AppealFixture.ADDRESS);
    }

    private static List<String> fields(PublicAppeal p) throws Exception {
        List<String> values = new ArrayList<>();
        for (RecordComponent component : PublicAppeal.class.getRecordComponents()) {
            values.add(String.valueOf(component.getAccessor().invoke(p)));
        }
        return values;
    }

    @Test
    void publicAppealsAndAnswersWithoutPersonalDataAndNeverConfidentialOnes() throws Exception {
        Receipt open = chatty(true, "maria.s@example.org");
        Receipt secret = chatty(false, "maria.s@example.org");
        long id = setup.appeals().find(setup.manager, new AppealQuery(null, null, null, open.number(), false, 0, 1)).get(0).id();
        setup.appeals().assign(setup.manager, id, 0, "Андрій Шевчук", "0532 60 70 80");
        setup.appeals().answer(setup.manager, id, 1, "Шановна Маріє Сидоренко! Яму закладено. Виконавець Андрій Шевчук,"
                + " тел. 0532 60 70 80.");

        List<PublicAppeal> listed = setup.publicAppeals().find(null, 0, 10);
        assertEquals(List.of(open.number()), listed.stream().map(PublicAppeal::number).toList());
        assertEquals(1, setup.publicAppeals().count(null));
        PublicAppeal shown = listed.get(0);
        assertEquals("Дороги і тротуари", shown.topicName());
        assertEquals("Департамент благоустрою", shown.unitName());
        assertTrue(shown.text().contains("прошу залатати яму біля школи"), shown.text());
        assertTrue(shown.answer().contains("Яму закладено."), shown.answer());
        for (String value : fields(shown)) {
            for (String personal : List.of("Марія", "Сидоренко", "maria.s@example.org", "765-43-21", "Андрій", "Шевчук",
                    "60 70 80")) {
                assertFalse(value.contains(personal), () -> personal + " in «" + value + "»");
            }
        }
        // searching finds public appeals by number, topic, text and answer; never confidential ones
        assertEquals(1, setup.publicAppeals().count("закладено"));
        assertEquals(1, setup.publicAppeals().count("Дороги"));
        assertEquals(0, setup.publicAppeals().count(secret.number()));
        // personal data cannot be searched for either: the search sees what the page shows
        for (String probe : List.of("Сидоренко", "maria.s@example.org", "050-765-43-21", "Шевчук")) {
            assertEquals(0, setup.publicAppeals().count(probe), probe);
            assertEquals(List.of(), setup.publicAppeals().find(probe, 0, 10), probe);
        }
        assertEquals(List.of(), setup.publicAppeals().find(secret.number(), 0, 10));
    }
}
