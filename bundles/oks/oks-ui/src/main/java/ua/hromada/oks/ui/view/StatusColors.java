package ua.hromada.oks.ui.view;

import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Component;

import ua.hromada.oks.api.StatusGroup;
import ua.hromada.portal.api.map.LegendEntry;

/** The status groups' colours on the map points, the legend and the badges, plus the overdue mark. */
public final class StatusColors {

    /** Colour of overdue deadlines in the list (the map's ring is {@link LegendEntry#HIGHLIGHT_RING_COLOR}). */
    public static final String OVERDUE = "#d00000";

    private StatusColors() {
    }

    /** The group's colour from the API, so the OKS map layer and these pages agree. */
    public static String of(StatusGroup group) {
        return group == null ? "#616161" : group.color();
    }

    /** The legend of the current groups (the map shows no archived cases) plus the overdue mark. */
    public static List<LegendEntry> legend(Component owner) {
        List<LegendEntry> entries = new java.util.ArrayList<>(Arrays.stream(StatusGroup.values()).filter(StatusGroup::current)
                .map(g -> new LegendEntry(of(g), owner.getTranslation(g.messageKey()))).toList());
        // the map rings overdue points whatever their status colour: the legend shows that ring
        entries.add(LegendEntry.highlighted(owner.getTranslation("oks.ui.map.overdue")));
        return entries;
    }
}
