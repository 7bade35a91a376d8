package ua.hromada.opendata.ui.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;

/**
 * A multi-value input (keywords, tags, formats, links): each value is a chip; type a new one and
 * press Enter, or pick a suggested one. The order of entry is kept, duplicates are dropped.
 */
public class ValuesField extends MultiSelectComboBox<String> {

    private static final long serialVersionUID = 1L;
    private final List<String> items = new ArrayList<>();
    private final transient UnaryOperator<String> normalizer;

    /**
     * @param suggestions values offered before anything is typed (e.g. common formats)
     * @param normalizer  applied to a typed value (e.g. upper case for formats)
     */
    public ValuesField(String label, List<String> suggestions, UnaryOperator<String> normalizer) {
        super(label);
        this.normalizer = normalizer == null ? UnaryOperator.identity() : normalizer;
        items.addAll(suggestions);
        setItems(items);
        setAllowCustomValue(true);
        setWidthFull();
        addCustomValueSetListener(e -> {
            String value = this.normalizer.apply(e.getDetail() == null ? "" : e.getDetail().strip());
            if (value.isEmpty()) {
                return;
            }
            Set<String> selected = new LinkedHashSet<>(getSelectedItems());
            selected.add(value);
            offer(List.of(value));
            select(selected);
        });
    }

    /** The values in the order they were entered. */
    public List<String> values() {
        return List.copyOf(getSelectedItems());
    }

    public void setValues(List<String> values) {
        offer(values);
        setValue(new LinkedHashSet<>(values));
    }

    private void offer(List<String> values) {
        boolean changed = false;
        for (String v : values) {
            if (!items.contains(v)) {
                items.add(v);
                changed = true;
            }
        }
        if (changed) {
            Set<String> keep = new LinkedHashSet<>(getSelectedItems());
            setItems(items);
            setValue(keep);
        }
    }
}
