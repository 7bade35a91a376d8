package ua.hromada.docsearch.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;

import ua.hromada.docsearch.api.SearchResult.FacetValue;

/** Search answers update the facet's counts without replacing its check boxes. */
class FacetFilterTest {

    private static FacetValue fv(String value, long count) {
        return new FacetValue(value, value, count);
    }

    private static List<String> shown(FacetFilter<?> f) {
        return f.checkboxes().stream().filter(Component::isVisible).map(Checkbox::getLabel).toList();
    }

    @Test
    void countsAreUpdatedInPlaceAndTheCheckBoxesStay() {
        FacetFilter<Integer> years = new FacetFilter<Integer>("Рік", String::valueOf, Integer::valueOf, List.of(), 30,
                Comparator.<Integer>reverseOrder());
        assertFalse(years.isVisible(), "nothing to offer yet");
        years.update(List.of(fv("2024", 3), fv("2025", 1)));
        List<Checkbox> first = years.checkboxes();
        assertEquals(List.of("2025 (1)", "2024 (3)"), shown(years));
        assertTrue(years.isVisible());

        years.setValue(Set.of(2025));
        assertTrue(first.get(0).getValue());
        years.update(List.of(fv("2024", 7), fv("2025", 2), fv("2023", 1)));
        List<Checkbox> second = years.checkboxes();
        assertSame(first.get(0), second.get(0), "the same check box, its label updated");
        assertSame(first.get(1), second.get(1));
        assertEquals(List.of("2025 (2)", "2024 (7)", "2023 (1)"), shown(years), "a new year in its place");
        assertTrue(second.get(0).getValue(), "still selected");
        List<Component> children = second.get(0).getParent().orElseThrow().getChildren().toList();
        assertEquals(second, children, "the layout holds the same boxes in the same order");

        // a year no longer counted is hidden; the selected one stays offered, counted 0
        years.update(List.of(fv("2023", 5)));
        assertEquals(List.of("2025 (0)", "2023 (5)"), shown(years));
        assertEquals(3, years.checkboxes().size());
        years.update(List.of(fv("2024", 1), fv("2023", 5)));
        assertSame(first.get(1), years.checkboxes().get(1), "a year that comes back gets its box back");
        assertEquals(Set.of(2025), years.getValue(), "updates never change the selection");

        years.clear();
        assertTrue(years.getValue().isEmpty());
        assertFalse(first.get(0).getValue());
    }

    @Test
    void fixedValuesAreAlwaysOfferedInTheirOrder() {
        List<String> catalogue = List.of("council-decision", "mayor-order", "other");
        FacetFilter<String> kinds = new FacetFilter<>("Вид", k -> k, k -> k, catalogue, 30,
                Comparator.comparingInt(catalogue::indexOf));
        assertEquals(catalogue, shown(kinds), "before any search: no counts");
        kinds.update(List.of(fv("other", 4)));
        assertEquals(List.of("council-decision (0)", "mayor-order (0)", "other (4)"), shown(kinds));
    }
}
