package ua.hromada.crm.service.analytics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import ua.hromada.crm.service.CrmTestSetup;

/**
 * Known rows written straight into the schema, in the current community, for the queue's and the
 * analytics' tests: cards with a queue group, one applicant, cases with chosen times and deadlines,
 * tickets at chosen hours. The services read them as they read their own.
 */
public final class CrmRows {
    public static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private final CrmTestSetup setup;
    private long applicant;
    private int numbers;

    public CrmRows(CrmTestSetup setup) {
        this.setup = setup;
    }

    /** Moves the test clock to the Kyiv time given. */
    public void now(LocalDateTime kyiv) {
        Instant target = kyiv.atZone(KYIV).toInstant();
        setup.clock().advance(Duration.between(setup.clock().instant(), target));
    }

    public static Instant kyiv(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KYIV).toInstant();
    }

    /** An active card; its id. */
    public long card(String code, String name, String queueGroup) {
        return setup.database().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.service_card (local_code, name,"
                    + " provider_kind, provider, fee_kind, term_days, queue_group) VALUES (?, ?, 'COUNCIL_UNIT',"
                    + " 'Управління', 'FREE', 10, ?) RETURNING id")) {
                ps.setString(1, code);
                ps.setString(2, name);
                ps.setString(3, queueGroup);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * A case of the card registered at {@code registered} with the deadline and status given, issued
     * at {@code issued} (or null); its id.
     */
    public long caseOf(long card, String source, Instant registered, LocalDate deadline, String status,
            Instant issued) {
        return setup.database().tx(c -> {
            if (applicant == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.applicant (kind, last_name,"
                        + " first_name, created_at) VALUES ('PERSON', 'Шевченко', 'Тарас', now()) RETURNING id");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    applicant = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.service_case (number, applicant_id,"
                    + " card_id, card_version, service_name, provider_kind, provider, source, status, administrator,"
                    + " registered_at, deadline, issued_at)"
                    + " SELECT ?, ?, s.id, 1, s.name, s.provider_kind, s.provider, ?, ?, 'admin1', ?, ?, ?"
                    + " FROM crm.service_card s WHERE s.id = ? RETURNING id")) {
                ps.setString(1, "T-" + (++numbers));
                ps.setLong(2, applicant);
                ps.setString(3, source);
                ps.setString(4, status);
                ps.setTimestamp(5, Timestamp.from(registered));
                ps.setObject(6, deadline);
                ps.setTimestamp(7, issued == null ? null : Timestamp.from(issued));
                ps.setLong(8, card);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** An issued front-desk case that took {@code hours} from registration to issue. */
    public long issued(long card, Instant registered, double hours, LocalDate deadline) {
        Instant issued = registered.plusSeconds(Math.round(hours * 3600));
        return caseOf(card, "FRONT_DESK", registered, deadline, "ISSUED", issued);
    }

    /** A finding of the verification on the case, overridden or not. */
    public void finding(long caseId, String rule, String subject, boolean overridden) {
        setup.database().tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.case_finding (case_id, rule, subject,"
                    + " severity, message, fired_at, checked_at, overridden, override_reason, overridden_by, overridden_at)"
                    + " VALUES (?, ?, ?, 'ERROR', 'test', now(), now(), ?, ?, ?, CASE WHEN ? THEN now() END)")) {
                ps.setLong(1, caseId);
                ps.setString(2, rule);
                ps.setString(3, subject);
                ps.setBoolean(4, overridden);
                ps.setString(5, overridden ? "Оригінал документа бачила особисто" : "");
                ps.setString(6, overridden ? "admin1" : "");
                ps.setBoolean(7, overridden);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** A served ticket of the group taken at {@code taken}, served {@code serviceMinutes} from the call. */
    public void servedTicket(long groupId, Instant taken, int serviceMinutes) {
        setup.database().tx(c -> {
            LocalDate day = LocalDate.ofInstant(taken, KYIV);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO crm.queue_ticket (group_id, day, seq, number,"
                    + " status, taken_at, taken_by, desk_window, called_at, started_at, finished_at)"
                    + " SELECT ?, ?, coalesce(max(seq), 0) + 1, 'X-' || (coalesce(max(seq), 0) + 1), 'DONE', ?, 'kiosk', 1,"
                    + " ?, ?, ? FROM crm.queue_ticket WHERE group_id = ? AND day = ?")) {
                ps.setLong(1, groupId);
                ps.setObject(2, day);
                ps.setTimestamp(3, Timestamp.from(taken));
                ps.setTimestamp(4, Timestamp.from(taken.plusSeconds(60)));
                ps.setTimestamp(5, Timestamp.from(taken.plusSeconds(60)));
                ps.setTimestamp(6, Timestamp.from(taken.plusSeconds(60 + serviceMinutes * 60L)));
                ps.setLong(7, groupId);
                ps.setObject(8, day);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
