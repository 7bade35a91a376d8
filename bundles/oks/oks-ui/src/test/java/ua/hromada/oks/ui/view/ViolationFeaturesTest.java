package ua.hromada.oks.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.ViolationMap.Marker;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.map.MapFeature;

class ViolationFeaturesTest {

    private static final Map<String, String> UK = Map.of(
            "oks.ui.map.popupTitle", "Порушення ID {0}",
            "oks.ui.map.popupDate", "Дата: {0}",
            "oks.ui.map.popupType", "Тип: {0}",
            "oks.ui.map.popupStatus", "Статус: {0}",
            "oks.ui.map.popupStatusOverdue", "Статус: {0} (прострочено)",
            "oks.ui.map.popupLastAction", "Остання дія: {0} · {1}",
            "oks.ui.map.popupLastActionUndated", "Остання дія: {0}",
            "oks.group.SENT", "Направлено",
            "oks.group.UNASSIGNED", "Без виконавця");
    private static final BiFunction<String, Object[], String> TEXT = (key, args) -> MessageFormat.format(UK.get(key), args);
    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");
    private static final WorkflowAction SENT = new WorkflowAction(ActionKind.SENT, 2, "Направлено виконавцю",
            StatusGroup.SENT, ResponsibleGroup.EXECUTORS);
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Test
    void aPointIsColouredByItsGroupWithAPopupLinkingToTheCard() {
        Marker p = new Marker(26L, 49.5937, 34.5407, 1, StatusGroup.SENT, false, "Дерева",
                Instant.parse("2026-05-08T16:13:00Z"), SENT, Instant.parse("2026-12-02T22:30:00Z"));
        MapFeature f = ViolationFeatures.feature(p, TEXT, KYIV, UKRAINIAN);
        assertEquals("26", f.id());
        assertEquals(1, f.count());
        assertEquals(StatusColors.of(StatusGroup.SENT), f.color());
        assertEquals("Порушення ID 26", f.title());
        // the step's day as counted in Kyiv (00:30 of 3 December there)
        assertEquals(List.of("Дата: 08.05.2026 19:13", "Тип: Дерева", "Статус: Направлено",
                "Остання дія: 2-2 Направлено виконавцю · 03.12.2026"), f.popupLines());
        assertEquals("oks/violation/26", f.href());
        assertFalse(f.highlighted());
    }

    @Test
    void overduePointsAreHighlightedAndSaySo() {
        Marker p = new Marker(1234567L, 49.6, 34.55, 1, StatusGroup.UNASSIGNED, true, null, null, null, null);
        MapFeature f = ViolationFeatures.feature(p, TEXT, KYIV, UKRAINIAN);
        assertTrue(f.highlighted());
        // an ID is never written with digit grouping
        assertEquals("Порушення ID 1234567", f.title());
        assertEquals(List.of("Статус: Без виконавця (прострочено)"), f.popupLines());
        assertEquals(StatusColors.of(StatusGroup.UNASSIGNED), f.color());
    }

    @Test
    void theLastActionIsNamedInTheReadersLanguage() {
        Map<String, String> en = Map.of("oks.ui.map.popupTitle", "Violation ID {0}", "oks.ui.map.popupStatus", "Status: {0}",
                "oks.group.SENT", "Sent", "oks.ui.map.popupLastActionUndated", "Last action: {0}");
        Marker p = new Marker(26L, 49.5937, 34.5407, 1, StatusGroup.SENT, false, null, null, SENT, null);
        MapFeature f = ViolationFeatures.feature(p, (key, args) -> MessageFormat.format(en.get(key), args), KYIV,
                Locale.ENGLISH);
        assertEquals(List.of("Status: Sent", "Last action: 2-2 Sent to the executor"), f.popupLines());
    }

    @Test
    void cellsOfSeveralViolationsBecomeClusters() {
        Marker cell = new Marker(null, 49.59, 34.55, 420, null, false, null, null, null, null);
        MapFeature f = ViolationFeatures.feature(cell, TEXT, KYIV, UKRAINIAN);
        assertTrue(f.isCluster());
        assertEquals(420, f.count());
        assertNull(f.href());
    }

    @Test
    void aSinglePointWithoutAnIdIsLeftOut() {
        List<MapFeature> features = ViolationFeatures.features(List.of(
                new Marker(null, 49.59, 34.55, 1, StatusGroup.SENT, false, null, null, null, null),
                new Marker(7L, 49.59, 34.55, 1, StatusGroup.SENT, false, null, null, null, null)), TEXT, KYIV, UKRAINIAN);
        assertEquals(1, features.size());
        assertEquals("7", features.get(0).id());
    }

    @Test
    void everyGroupHasItsOwnColour() {
        assertEquals(StatusGroup.values().length,
                java.util.Arrays.stream(StatusGroup.values()).map(StatusColors::of).distinct().count());
    }
}
