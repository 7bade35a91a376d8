package ua.hromada.eservices.service.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.PublicAppeal;
import ua.hromada.eservices.api.PublicAppeals;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The public appeals: only what a {@link PublicAppeal} has (number, topic, unit, text, status, dates,
 * answer), never the executor, place or files; the applicant's and executor's names, e-mails and
 * phones are read only to hide them where the text or answer repeats them ({@link Redaction}).
 */
@Component(service = PublicAppeals.class)
public class PublicAppealsImpl implements PublicAppeals {
    private static final String FROM = " FROM eservices.appeal a JOIN eservices.topic t ON t.id = a.topic_id"
            + " JOIN eservices.unit u ON u.id = a.unit_id WHERE a.public_appeal";
    private static final String SELECT = "SELECT a.number, t.name, u.name, a.text, a.status, a.received_at, a.answer,"
            + " a.answered_at, a.applicant_name, a.email, a.phone, a.executor_name, a.executor_phone";
    /** A search reads at most this many candidates (newest first) before hiding personal data. */
    private static final int MAX_CANDIDATES = 2000;
    private static final String MATCH = " AND (a.number ILIKE ? OR t.name ILIKE ? OR a.text ILIKE ? OR a.answer ILIKE ?)";

    private final EservicesDatabase database;

    @Activate
    public PublicAppealsImpl(@Reference EservicesDatabase database) {
        this.database = database;
    }

    @Override
    public List<PublicAppeal> find(String text, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(limit, 200));
        if (text == null || text.isBlank()) {
            return database.read(c -> Statements.list(c, SELECT + FROM + " ORDER BY a.received_at DESC, a.id DESC"
                    + " LIMIT ? OFFSET ?", PublicAppealsImpl::publicAppeal, size, from));
        }
        List<PublicAppeal> found = matching(text.strip());
        return found.subList(Math.min(from, found.size()), Math.min(from + size, found.size()));
    }

    @Override
    public int count(String text) {
        if (text == null || text.isBlank()) {
            return database.read(c -> Statements.first(c, "SELECT count(*)" + FROM, rs -> rs.getInt(1)).orElse(0));
        }
        return matching(text.strip()).size();
    }

    /**
     * The public appeals whose shown fields hold the text: the database finds the candidates, and only
     * those still matching once personal data is hidden count (a search for a name or a phone number
     * must not tell which appeals mention it).
     */
    private List<PublicAppeal> matching(String text) {
        String pattern = Statements.containing(text);
        String lower = text.toLowerCase(Locale.ROOT);
        List<PublicAppeal> candidates = database.read(c -> Statements.list(c, SELECT + FROM + MATCH
                + " ORDER BY a.received_at DESC, a.id DESC LIMIT " + MAX_CANDIDATES, PublicAppealsImpl::publicAppeal,
                pattern, pattern, pattern, pattern));
        return candidates.stream().filter(p -> Stream.of(p.number(), p.topicName(), p.text(), p.answer())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(lower))).toList();
    }

    private static PublicAppeal publicAppeal(ResultSet rs) throws SQLException {
        String[] names = {rs.getString(9), rs.getString(12)};
        String[] others = {rs.getString(10), rs.getString(11), rs.getString(13)};
        return new PublicAppeal(rs.getString(1), rs.getString(2), rs.getString(3),
                Redaction.redact(rs.getString(4), names, others), AppealStatus.valueOf(rs.getString(5)),
                AppealStore.instant(rs, 6), Redaction.redact(rs.getString(7), names, others), AppealStore.instant(rs, 8));
    }

}
