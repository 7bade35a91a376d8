package ua.hromada.oks.service;

import static ua.hromada.oks.api.ActionKind.*;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ua.hromada.oks.api.ActionEffect;
import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StepInputs.Input;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.oks.api.WorkflowAction.Role;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The catalogue a community starts with (the same rows migrations V1, V9–V14 gave the default community):
 * one workflow action per kind and the inspectorate's prescription, court and fine steps with the rules of
 * docs/oks-workflow.md, and five violation types. Written into the
 * community of the connection when it has no action yet; an administrator edits them afterwards.
 */
final class ShippedCatalogue {

    record Type(String code, String name, String description) {
    }

    private static final Set<Role> STAFF = EnumSet.of(Role.INSPECTOR, Role.ADMIN);
    private static final Set<Role> EXECUTOR = EnumSet.of(Role.EXECUTOR);
    /** Keys of the shipped actions that are no {@link ActionKind} (migration V14). */
    static final String PRESCRIBED = "PRESCRIBED";
    static final String TO_COURT = "TO_COURT";
    static final String FINE_PAID = "FINE_PAID";
    /** The steps while the case is with an executor. */
    private static final List<ActionKind> WITH_EXECUTOR = List.of(SENT, REDIRECTED, ACCEPTED, RETURNED, EXTENDED);

    /**
     * The shipped actions with the rules of docs/oks-workflow.md, the same as migration V9 gave the
     * communities that existed then (OpenCatalogueTest compares the two).
     */
    static final List<WorkflowAction> ACTIONS = List.of(
            action(DETECTED, 1, "Виявлено порушення", 1, ResponsibleGroup.INSPECTORS, ActionEffect.DETECT, Set.of(),
                    List.of(), Set.of(), Set.of()),
            action(DETECTED_URGENT, 18, "Виявлено порушення (терміново)", 1, ResponsibleGroup.INSPECTORS,
                    ActionEffect.DETECT, Set.of(), List.of(), Set.of(), Set.of()),
            action(SENT, 2, "Направлено виконавцю", 2, ResponsibleGroup.EXECUTORS, ActionEffect.ASSIGN, STAFF,
                    keys(List.of(DETECTED, DETECTED_URGENT), PRESCRIBED), EnumSet.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT),
                    EnumSet.of(Input.EXECUTOR, Input.DEADLINE)),
            action(ACCEPTED, 3, "Прийнято до виконання", 3, ResponsibleGroup.EXECUTORS, ActionEffect.NONE, EXECUTOR,
                    List.of(SENT, REDIRECTED), EnumSet.of(Input.COMMENT), Set.of()),
            action(REPORTED, 4, "Звітовано про виконання", 4, ResponsibleGroup.INSPECTORS, ActionEffect.REPORT, EXECUTOR,
                    List.of(ACCEPTED, RETURNED, EXTENDED), EnumSet.of(Input.COMMENT, Input.PHOTOS), EnumSet.of(Input.PHOTOS)),
            action(CONFIRMED, 5, "Виконання підтверджено", 4, ResponsibleGroup.INSPECTORS, ActionEffect.CONFIRM,
                    STAFF, List.of(REPORTED), EnumSet.of(Input.COMMENT), Set.of()),
            action(RETURNED, 6, "Відправлено на доопрацювання", 3, ResponsibleGroup.EXECUTORS, ActionEffect.RETURN,
                    STAFF, List.of(REPORTED), EnumSet.of(Input.COMMENT, Input.DEADLINE), EnumSet.of(Input.COMMENT)),
            action(DISPUTED, 7, "Конфліктне", 5, ResponsibleGroup.INSPECTORS, ActionEffect.DISPUTE, EXECUTOR,
                    WITH_EXECUTOR, EnumSet.of(Input.COMMENT), EnumSet.of(Input.COMMENT)),
            action(REDIRECTED, 8, "Перенаправлено", 2, ResponsibleGroup.EXECUTORS, ActionEffect.ASSIGN, STAFF,
                    with(WITH_EXECUTOR, DISPUTED), EnumSet.of(Input.EXECUTOR, Input.DEADLINE, Input.COMMENT),
                    EnumSet.of(Input.EXECUTOR, Input.COMMENT)),
            action(EXTENDED, 9, "Термін продовжено", 3, ResponsibleGroup.EXECUTORS, ActionEffect.EXTEND, STAFF,
                    with(WITH_EXECUTOR, DISPUTED), EnumSet.of(Input.DEADLINE, Input.COMMENT), EnumSet.of(Input.DEADLINE)),
            action(ARCHIVED, 10, "Архівовано", 6, ResponsibleGroup.NONE, ActionEffect.ARCHIVE, EnumSet.of(Role.ADMIN),
                    List.of(), EnumSet.of(Input.COMMENT), Set.of()),
            // an inspectorate's own steps (migration V14): catalogue rows without a kind of their own
            added(PRESCRIBED, 11, "Складено припис", 3, keys(List.of(DETECTED, DETECTED_URGENT)),
                    EnumSet.of(Input.DEADLINE, Input.COMMENT, Input.DOCUMENT), EnumSet.of(Input.DEADLINE),
                    ViolationDocuments.Kind.WARNING),
            added(TO_COURT, 12, "Передано до суду", 3, Set.of(PRESCRIBED),
                    EnumSet.of(Input.COMMENT, Input.DOCUMENT), EnumSet.of(Input.COMMENT), null),
            added(FINE_PAID, 13, "Сплачено штраф", 4, Set.of(TO_COURT),
                    EnumSet.of(Input.COMMENT, Input.DOCUMENT), EnumSet.of(Input.COMMENT), null));

    private static WorkflowAction action(ActionKind kind, int code, String name, int group, ResponsibleGroup responsible,
            ActionEffect effect, Set<Role> roles, List<ActionKind> after, Set<Input> inputs, Set<Input> required) {
        return action(kind, code, name, group, responsible, effect, roles, keys(after), inputs, required);
    }

    private static WorkflowAction action(ActionKind kind, int code, String name, int group, ResponsibleGroup responsible,
            ActionEffect effect, Set<Role> roles, Set<String> after, Set<Input> inputs, Set<Input> required) {
        return new WorkflowAction(kind.name(), code, name, StatusGroup.ofNumber(group), responsible, effect, true, roles,
                after, inputs, required, null, 0);
    }

    /** An inspector's step with no effect besides its journal row, on Інспектори. */
    private static WorkflowAction added(String key, int code, String name, int group, Set<String> after,
            Set<Input> inputs, Set<Input> required, ViolationDocuments.Kind document) {
        return new WorkflowAction(key, code, name, StatusGroup.ofNumber(group), ResponsibleGroup.INSPECTORS,
                ActionEffect.NONE, true, EnumSet.of(Role.INSPECTOR), after, inputs, required, document, 0);
    }

    private static Set<String> keys(List<ActionKind> kinds, String... more) {
        Set<String> out = new java.util.LinkedHashSet<>();
        kinds.forEach(k -> out.add(k.name()));
        out.addAll(List.of(more));
        return out;
    }

    private static List<ActionKind> with(List<ActionKind> base, ActionKind extra) {
        List<ActionKind> out = new java.util.ArrayList<>(base);
        out.add(extra);
        return out;
    }

    static final List<Type> TYPES = List.of(
            new Type("trees", "Дерева", "Аварійні, сухі, незаконно зрізані дерева; залишки після спилу"),
            new Type("signage", "Вивіски", "Вивіски та реклама без дозволу або в незадовільному стані"),
            new Type("waste", "Сміття", "Стихійні звалища, переповнені контейнери, будівельне сміття"),
            new Type("improvement", "Благоустрій", "Пошкоджене покриття, лави, огорожі, малі архітектурні форми"),
            new Type("other", "Інше", "Інші порушення правил благоустрою"));

    private ShippedCatalogue() {
    }

    /**
     * Gives the connection's community the shipped catalogue unless it has its actions already
     * (then its types are left as its administrators made them). Two first uses at once write
     * nothing twice: the keys are unique per community.
     *
     * @return whether anything was written
     */
    static boolean seedIfNew(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM oks.workflow_action LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return false;
            }
        }
        Statements.batch(c, "INSERT INTO oks.workflow_action (kind, code, name, status_group, responsible, effect,"
                + " active, roles, after_keys, inputs, required, document) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                + " ON CONFLICT DO NOTHING", ACTIONS, (ps, a) -> ActionRows.bind(c, ps, a));
        Statements.batch(c, "INSERT INTO oks.violation_type (code, name, description) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", TYPES, (ps, t) -> {
                    ps.setString(1, t.code());
                    ps.setString(2, t.name());
                    ps.setString(3, t.description());
                });
        return true;
    }
}
