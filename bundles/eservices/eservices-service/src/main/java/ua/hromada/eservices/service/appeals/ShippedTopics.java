package ua.hromada.eservices.service.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.portal.api.jdbc.Statements;

/**
 * The appeal topics a community starts with and the units they route to (roles named by the unit's
 * code; e-mail and phone left for the community to fill in). Written into the connection's community
 * when it has no topic yet; a unit with the same code already there is used as it is.
 */
public final class ShippedTopics {

    record ShippedUnit(String code, String name) {
    }

    record Topic(String code, String name, String description, String unit, int days, String handover) {
    }

    static final List<ShippedUnit> UNITS = List.of(
            new ShippedUnit("blagoustrii", "Департамент благоустрою"),
            new ShippedUnit("zhkg", "Управління житлово-комунального господарства"),
            new ShippedUnit("transport", "Управління транспорту і зв’язку"),
            new ShippedUnit("kontrol", "Управління контролю за благоустроєм"),
            new ShippedUnit("cnap", "Центр надання адміністративних послуг (ЦНАП)"));

    static final List<Topic> TOPICS = List.of(
            new Topic("blagoustrii", "Благоустрій",
                    "Парки, сквери, зелені насадження, дитячі та спортивні майданчики, прибирання територій",
                    "blagoustrii", 10, ""),
            new Topic("osvitlennia", "Вуличне освітлення",
                    "Не горять ліхтарі, пошкоджені опори чи мережі зовнішнього освітлення", "zhkg", 5, ""),
            new Topic("dorohy", "Дороги і тротуари",
                    "Ями, пошкоджене покриття, розмітка, дорожні знаки, зливова каналізація", "blagoustrii", 15, ""),
            new Topic("zhkg", "Житлово-комунальне господарство",
                    "Тепло- та водопостачання, водовідведення, ліфти, утримання будинків і прибудинкових територій",
                    "zhkg", 10, ""),
            new Topic("transport", "Громадський транспорт",
                    "Маршрути й розклад, робота перевізників, зупинки", "transport", 15, ""),
            new Topic("porushennia", "Порушення правил благоустрою",
                    "Стихійні звалища, вивіски без дозволу, пошкоджені об’єкти благоустрою: передається інспекторам"
                            + " контролю за благоустроєм", "kontrol", 10, "oks"),
            new Topic("posluhy", "Адміністративні послуги",
                    "Отримання адміністративних послуг, робота ЦНАП і його віддалених місць", "cnap", 15, ""),
            new Topic("inshe", "Інше", "Питання, що не підходять до інших тем", "cnap", 20, ""));

    private ShippedTopics() {
    }

    /** @return whether anything was written (false: the community has its topics already) */
    public static boolean seedIfNew(Connection c) throws SQLException {
        // two first uses at once: the second waits here and then finds the first one's rows
        Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext('eservices.shipped-topics'))", rs -> true);
        if (Statements.first(c, "SELECT 1 FROM eservices.topic LIMIT 1", rs -> true).isPresent()) {
            return false;
        }
        Map<String, Long> units = new HashMap<>();
        for (ShippedUnit u : UNITS) {
            long id = Statements.first(c, "SELECT id FROM eservices.unit WHERE lower(code) = lower(?)",
                    rs -> rs.getLong(1), u.code()).orElse(0L);
            if (id == 0) {
                id = Statements.first(c, "INSERT INTO eservices.unit (code, name, role) VALUES (?, ?, ?) RETURNING id",
                        rs -> rs.getLong(1), u.code(), u.name(), u.code()).orElseThrow();
            }
            units.put(u.code(), id);
        }
        int position = 10;
        for (Topic t : TOPICS) {
            Statements.list(c, "INSERT INTO eservices.topic (code, name, description, unit_id, deadline_days, handover,"
                    + " position) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id", rs -> rs.getLong(1), t.code(), t.name(),
                    t.description(), units.get(t.unit()), t.days(), t.handover(), position);
            position += 10;
        }
        return true;
    }
}
