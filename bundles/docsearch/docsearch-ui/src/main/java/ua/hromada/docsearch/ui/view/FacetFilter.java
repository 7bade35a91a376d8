package ua.hromada.docsearch.ui.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import ua.hromada.docsearch.api.SearchResult.FacetValue;

/**
 * One facet as check boxes "value (count)". The values offered are the fixed ones (e.g. all
 * kinds), those the last search counted, and the selected ones — so a selection never disappears
 * because the current results no longer contain it.
 *
 * <p>Every search answer updates the counts, so the check boxes are kept: each value has one
 * {@link Checkbox} for the life of the filter, its label is updated in place, a value no longer
 * offered is hidden, and a new one is inserted at its place in {@code order}. (Re-rendering them
 * on every answer lost clicks that landed on a box being replaced.)
 */
class FacetFilter<T> extends CustomField<Set<T>> {

    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> label;
    private final transient Function<String, T> parse;
    private final transient Comparator<T> order;
    private final List<T> fixed;
    private final int maxValues;
    private final VerticalLayout boxes = new VerticalLayout();
    /** Every value ever offered, in {@code order} (as in {@link #boxes}). */
    private final Map<T, Checkbox> byValue = new LinkedHashMap<>();
    private final Map<T, Long> counts = new LinkedHashMap<>();
    private boolean updating;
    private boolean counted;

    /**
     * @param order the order the values are shown in
     * @param maxValues at most this many counted values besides the fixed and selected ones
     */
    FacetFilter(String title, Function<T, String> label, Function<String, T> parse, List<T> fixed, int maxValues,
            Comparator<T> order) {
        super(Set.of());
        this.label = label;
        this.parse = parse;
        this.order = order;
        this.fixed = List.copyOf(fixed);
        this.maxValues = maxValues;
        setLabel(title);
        boxes.setPadding(false);
        boxes.setSpacing(false);
        add(boxes);
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

    /** The check boxes in the order shown (hidden ones too), for tests. */
    List<Checkbox> checkboxes() {
        return List.copyOf(byValue.values());
    }

    private void offer(Set<T> values) {
        updating = true;
        try {
            values.forEach(this::box);
            byValue.forEach((value, box) -> {
                boolean shown = values.contains(value);
                box.setVisible(shown);
                if (shown) {
                    box.setLabel(labelOf(value));
                }
            });
        } finally {
            updating = false;
        }
        setVisible(!values.isEmpty());
    }

    /** The value's check box, made and put in its place the first time. */
    private Checkbox box(T value) {
        Checkbox existing = byValue.get(value);
        if (existing != null) {
            return existing;
        }
        Checkbox box = new Checkbox(labelOf(value));
        box.setValue(getValue().contains(value));
        box.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                updateValue();
            }
        });
        // its place among the boxes there are: they are always in order, so nothing moves
        int at = 0;
        for (T other : byValue.keySet()) {
            if (order.compare(other, value) < 0) {
                at++;
            }
        }
        List<Map.Entry<T, Checkbox>> entries = new ArrayList<>(byValue.entrySet());
        entries.add(at, Map.entry(value, box));
        byValue.clear();
        entries.forEach(e -> byValue.put(e.getKey(), e.getValue()));
        boxes.addComponentAtIndex(at, box);
        return box;
    }

    @Override
    protected Set<T> generateModelValue() {
        Set<T> selected = new LinkedHashSet<>();
        byValue.forEach((value, box) -> {
            if (box.getValue()) {
                selected.add(value);
            }
        });
        return Set.copyOf(selected);
    }

    @Override
    protected void setPresentationValue(Set<T> value) {
        Set<T> selected = value == null ? Set.of() : value;
        updating = true;
        try {
            for (T v : selected) {
                box(v).setVisible(true);
            }
            byValue.forEach((v, box) -> box.setValue(selected.contains(v)));
        } finally {
            updating = false;
        }
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
