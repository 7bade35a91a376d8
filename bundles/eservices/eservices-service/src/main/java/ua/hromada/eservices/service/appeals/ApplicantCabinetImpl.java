package ua.hromada.eservices.service.appeals;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.ApplicantCabinet;
import ua.hromada.eservices.service.EservicesDatabase;
import ua.hromada.eservices.service.mail.Mailer;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The applicant's cabinet by one-time links: a link's token is 32 random bytes (base64url) of which
 * only the SHA-256 is stored; opening it marks it used and starts a session whose random id is
 * stored hashed as well, both expiring after the configured minutes.
 */
@Component(service = ApplicantCabinet.class)
public class ApplicantCabinetImpl implements ApplicantCabinet {
    private final EservicesDatabase database;
    private final AppealSettings settings;
    private final AppealMail mail;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public ApplicantCabinetImpl(@Reference EservicesDatabase database, @Reference AppealSettings settings,
            @Reference Mailer mailer) {
        this.database = database;
        this.settings = settings;
        this.mail = new AppealMail(mailer, new AppealMessages(), settings, database);
    }

    /** A new one-time link's token for the address, stored hashed in the caller's transaction. */
    static String newLink(Connection c, SecureRandom random, String email, Instant now, int minutes) throws SQLException {
        String token = Secrets.token(random);
        Statements.first(c, "INSERT INTO eservices.cabinet_token (token_hash, email, expires_at) VALUES (?, ?, ?)"
                + " RETURNING id", rs -> rs.getLong(1), Secrets.sha256(token), Secrets.mailKey(email),
                Timestamp.from(now.plus(Duration.ofMinutes(minutes))));
        return token;
    }

    @Override
    public void requestLink(String email, String clientAddress) {
        String address = Secrets.mailKey(email);
        if (!AppealRules.email(address)) {
            return; // nothing to send; the same silence as for an address without appeals
        }
        Instant now = settings.portal().clock().instant();
        Optional<String> token = database.tx(c -> {
            // counted whether or not the address has appeals, so the refusal tells nothing either
            RateLimits.take(c, RateLimits.LINK_ADDRESS, clientAddress, settings.ratePerAddress(), now);
            RateLimits.take(c, RateLimits.LINK, address, settings.ratePerEmail(), now);
            if (Statements.first(c, "SELECT 1 FROM eservices.appeal WHERE lower(email) = ? LIMIT 1", rs -> true, address)
                    .isEmpty()) {
                return Optional.<String>empty();
            }
            return Optional.of(newLink(c, random, address, now, settings.cabinetMinutes()));
        });
        token.ifPresent(t -> mail.cabinet(address, t));
    }

    @Override
    public Optional<String> open(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = settings.portal().clock().instant();
        return database.tx(c -> {
            Optional<String> email = Statements.first(c, "UPDATE eservices.cabinet_token SET used_at = ?"
                    + " WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING email",
                    rs -> rs.getString(1), Timestamp.from(now), Secrets.sha256(token.strip()), Timestamp.from(now));
            if (email.isEmpty()) {
                return Optional.<String>empty();
            }
            String session = Secrets.token(random);
            Statements.first(c, "INSERT INTO eservices.cabinet_session (session_hash, email, expires_at)"
                    + " VALUES (?, ?, ?) RETURNING id", rs -> rs.getLong(1), Secrets.sha256(session), email.get(),
                    Timestamp.from(now.plus(Duration.ofMinutes(settings.cabinetMinutes()))));
            // spent and expired rows serve nobody any more
            for (String table : List.of("eservices.cabinet_token", "eservices.cabinet_session")) {
                try (var ps = c.prepareStatement("DELETE FROM " + table + " WHERE expires_at < ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.executeUpdate();
                }
            }
            return Optional.of(session);
        });
    }

    @Override
    public List<Appeal> appeals(String sessionId) {
        if (sessionId == null || sessionId.isBlank() || sessionId.length() > 100) {
            return List.of();
        }
        Instant now = settings.portal().clock().instant();
        return database.read(c -> {
            Optional<String> email = Statements.first(c, "SELECT email FROM eservices.cabinet_session"
                    + " WHERE session_hash = ? AND expires_at > ?", rs -> rs.getString(1), Secrets.sha256(sessionId),
                    Timestamp.from(now));
            return email.isEmpty() ? List.<Appeal>of() : AppealStore.byEmail(c, email.get(), settings.portal().today());
        });
    }
}
