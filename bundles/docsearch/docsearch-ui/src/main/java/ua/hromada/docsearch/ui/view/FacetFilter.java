package ua.hromada.docsearch.ui.view;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;

import ua.hromada.docsearch.api.SearchResult.FacetValue;

/**
 * One facet as a group of check boxes "value (count)". The values offered are the fixed ones
 * (e.g. all kinds), those the last search counted, and the selected ones — so a selection never
 * disappears because the current results no longer contain it.
 */
class FacetFilter<T> extends CheckboxGroup<T> {

    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> label;
    private final transient Function<String, T> parse;
    private final List<T> fixed;
    private final int maxValues;
    private final Map<T, Long> counts = new LinkedHashMap<>();
    private Set<T> offered = new LinkedHashSet<>();
    private boolean updating;
    private boolean counted;

    FacetFilter(String title, Function<T, String> label, Function<String, T> parse, List<T> fixed, int maxValues) {
        super(title);
        this.label = label;
        this.parse = parse;
        this.fixed = List.copyOf(fixed);
        this.maxValues = maxValues;
        addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        setItemLabelGenerator(this::labelOf);
        offer(new LinkedHashSet<>(fixed));
    }

    /** Whether a value change came from the user rather than from {@link #update}. */
    boolean isUpdating() {
        return updating;
    }

    void update(List<FacetValue> facet) {
        counts.clear();
        counted = facet != null;
        Set<T> values = new LinkedHashSet<>(fixed);
        int added = 0;
        for (FacetValue v : facet == null ? List.<FacetValue>of() : facet) {
            T value = parse.apply(v.value());
            if (value == null) {
                continue;
            }
            counts.put(value, v.count());
            if (added < maxValues && values.add(value)) {
                added++;
            }
        }
        values.addAll(getValue());
        offer(values);
    }

    private void offer(Set<T> values) {
        updating = true;
        try {
            if (!values.equals(offered)) {
                Set<T> selected = new LinkedHashSet<>(getValue());
                offered = values;
                setItems(List.copyOf(values));
                setValue(selected);
            } else {
                getDataProvider().refreshAll();
            }
        } finally {
            updating = false;
        }
        setVisible(!values.isEmpty());
    }

    private String labelOf(T value) {
        Long count = counts.get(value);
        String text = label.apply(value);
        if (count == null && !counted) {
            return text;
        }
        return text + " (" + (count == null ? 0 : count) + ")";
    }
}
