package ua.hromada.portal.ui.legal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;

import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/** The picker without a browser: the act shown for an id, an act gone, and no document search at all. */
class LegalActFieldTest {
    private static final LegalActSummary ACT = new LegalActSummary(12, "Рішення", "790", LocalDate.of(2024, 4, 26),
            "Про паркування", "dokumenty/12");

    /** Knows the act 12 only; remembers what it was asked. */
    private final List<String> asked = new ArrayList<>();
    private final LegalActLookup lookup = new LegalActLookup() {
        @Override
        public List<LegalActSummary> search(String text, int limit) {
            asked.add(text + "/" + limit);
            return List.of(ACT);
        }

        @Override
        public Optional<LegalActSummary> find(long id) {
            return id == 12 ? Optional.of(ACT) : Optional.empty();
        }
    };

    @SuppressWarnings("unchecked")
    private static ComboBox<LegalActSummary> input(LegalActField field) {
        return (ComboBox<LegalActSummary>) field.getChildren().findFirst().orElseThrow().getChildren()
                .filter(c -> c instanceof ComboBox).findFirst().orElseThrow();
    }

    private static Anchor link(LegalActField field) {
        return (Anchor) field.getChildren().findFirst().orElseThrow().getChildren().filter(c -> c instanceof Anchor)
                .findFirst().orElseThrow();
    }

    @Test
    void anIdShowsItsActWithALinkAndClearingUnlinks() {
        LegalActField field = new LegalActField("basis", "Акт", lookup);
        assertTrue(field.isVisible());
        assertEquals("basis-input", input(field).getId().orElseThrow());
        field.setValue(12L);
        assertEquals(ACT, input(field).getValue());
        assertTrue(link(field).isVisible());
        assertEquals("dokumenty/12", link(field).getHref());
        assertEquals(12L, field.getValue());
        field.clear();
        assertNull(input(field).getValue());
        assertFalse(link(field).isVisible());
        assertNull(field.getValue());
    }

    @Test
    void anActNoLongerInTheRegisterKeepsItsIdUntilChanged() {
        LegalActField field = new LegalActField("basis", "Акт", lookup);
        field.setValue(99L);
        assertNull(input(field).getValue());
        assertEquals(99L, field.getValue());
        assertFalse(link(field).isVisible());
    }

    @Test
    void withoutDocumentSearchTheFieldIsHiddenAndKeepsTheId() {
        LegalActField field = new LegalActField("basis", "Акт", null);
        assertFalse(field.isVisible());
        field.setValue(12L);
        assertEquals(12L, field.getValue());
        assertTrue(asked.isEmpty());
    }
}
