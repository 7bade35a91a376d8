package ua.hromada.oks.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The catalogue a community starts with (the same rows migration V1 gave the default community):
 * one workflow action per kind, which every step needs, and five violation types. Written into the
 * community of the connection when it has no action yet; an administrator edits them afterwards.
 */
final class ShippedCatalogue {

    record Action(ActionKind kind, int code, String name, int group, ResponsibleGroup responsible) {
    }

    record Type(String code, String name, String description) {
    }

    static final List<Action> ACTIONS = List.of(
            new Action(ActionKind.DETECTED, 1, "Виявлено порушення", 1, ResponsibleGroup.INSPECTORS),
            new Action(ActionKind.DETECTED_URGENT, 18, "Виявлено порушення (терміново)", 1, ResponsibleGroup.INSPECTORS),
            new Action(ActionKind.SENT, 2, "Направлено виконавцю", 2, ResponsibleGroup.EXECUTORS),
            new Action(ActionKind.ACCEPTED, 3, "Прийнято до виконання", 3, ResponsibleGroup.EXECUTORS),
            new Action(ActionKind.REPORTED, 4, "Звітовано про виконання", 4, ResponsibleGroup.INSPECTORS),
            new Action(ActionKind.CONFIRMED, 5, "Виконання підтверджено", 4, ResponsibleGroup.ADMINISTRATORS),
            new Action(ActionKind.RETURNED, 6, "Відправлено на доопрацювання", 3, ResponsibleGroup.EXECUTORS),
            new Action(ActionKind.DISPUTED, 7, "Конфліктне", 5, ResponsibleGroup.ADMINISTRATORS),
            new Action(ActionKind.REDIRECTED, 8, "Перенаправлено", 2, ResponsibleGroup.EXECUTORS),
            new Action(ActionKind.EXTENDED, 9, "Термін продовжено", 3, ResponsibleGroup.EXECUTORS),
            new Action(ActionKind.ARCHIVED, 10, "Архівовано", 6, ResponsibleGroup.NONE));

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
        Statements.batch(c, "INSERT INTO oks.workflow_action (kind, code, name, status_group, responsible)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", ACTIONS, (ps, a) -> {
                    ps.setString(1, a.kind().name());
                    ps.setInt(2, a.code());
                    ps.setString(3, a.name());
                    ps.setInt(4, a.group());
                    ps.setString(5, a.responsible().name());
                });
        Statements.batch(c, "INSERT INTO oks.violation_type (code, name, description) VALUES (?, ?, ?)"
                + " ON CONFLICT DO NOTHING", TYPES, (ps, t) -> {
                    ps.setString(1, t.code());
                    ps.setString(2, t.name());
                    ps.setString(3, t.description());
                });
        return true;
    }
}
