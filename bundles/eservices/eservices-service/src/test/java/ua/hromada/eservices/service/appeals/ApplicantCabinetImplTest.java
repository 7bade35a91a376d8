package ua.hromada.eservices.service.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;
import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.portal.api.jdbc.Statements;

class ApplicantCabinetImplTest extends AppealTest {
    ApplicantCabinetImplTest() {
        setup.mailServer();
    }

    private MimeMessage lastMail(String to, int count) {
        List<MimeMessage> mails = AppealFixture.mailTo(setup, to, count);
        assertEquals(count, mails.size());
        return mails.get(count - 1);
    }

    @Test
    void aLinkOpensTheCabinetOnceWithConfidentialAppealsIncluded() {
        String open = resident.submit("inshe", "olena@example.org", true).number();
        String confidential = resident.submit("zhkg", "Olena@example.org", false).number();
        resident.submit("inshe", "someone@example.org", true);
        // each appeal mails her its own link, sent off the caller's thread in either order: wait for
        // exactly both (waiting for one saw two once they were both out), then use one of them
        String token = AppealFixture.cabinetToken(lastMail("olena@example.org", 2));

        Optional<String> session = setup.cabinet().open(token);
        assertTrue(session.isPresent());
        assertEquals(Optional.empty(), setup.cabinet().open(token), "a link works once");
        List<Appeal> mine = setup.cabinet().appeals(session.get());
        assertEquals(List.of(confidential, open), mine.stream().map(Appeal::number).toList());
        assertEquals(List.of(), setup.cabinet().appeals("made-up-session"));
        // only hashes are stored: neither the token nor the session id is in the database
        int plain = setup.database().read(c -> Statements.first(c, "SELECT count(*) FROM eservices.cabinet_token t,"
                + " eservices.cabinet_session s WHERE t.token_hash = ? OR s.session_hash = ?", rs -> rs.getInt(1),
                token, session.get()).orElseThrow());
        assertEquals(0, plain);
        // the session ends with the link's lifetime
        setup.clock().advance(Duration.ofMinutes(61));
        assertEquals(List.of(), setup.cabinet().appeals(session.get()));
    }

    @Test
    void aRequestedLinkExpiresAndUnknownAddressesGetNothingWithTheSameAnswer() throws Exception {
        resident.submit("inshe", "olena@example.org", true);
        setup.clock().advance(Duration.ofMinutes(61));
        String expired = AppealFixture.cabinetToken(lastMail("olena@example.org", 1));
        assertEquals(Optional.empty(), setup.cabinet().open(expired));

        setup.cabinet().requestLink(" OLENA@example.org ", AppealFixture.ADDRESS);
        MimeMessage link = lastMail("olena@example.org", 2);
        assertEquals("Посилання до кабінету заявника", link.getSubject());
        String fresh = AppealFixture.cabinetToken(link);
        setup.clock().advance(Duration.ofMinutes(59));
        assertTrue(setup.cabinet().open(fresh).isPresent());

        setup.cabinet().requestLink("nobody@example.org", AppealFixture.ADDRESS); // returns as for a known address
        setup.cabinet().requestLink("not an address", AppealFixture.ADDRESS);
        assertEquals(0, AppealFixture.mailTo(setup, "nobody@example.org", 1).size());
        assertEquals(Optional.empty(), setup.cabinet().open("x".repeat(43)));
    }

    @Test
    void linkRequestsAreRateLimitedWhetherOrNotTheAddressHasAppeals() {
        ApplicantCabinetImpl cabinet = new ApplicantCabinetImpl(setup.database(),
                setup.appealSettings(Map.of("rate.per.email", 2, "rate.per.address", 3)), setup.mailer());
        cabinet.requestLink("nobody@example.org", "192.0.2.1");
        cabinet.requestLink("nobody@example.org", "192.0.2.2");
        EservicesException unknown = assertThrows(EservicesException.class,
                () -> cabinet.requestLink("nobody@example.org", "192.0.2.3"));
        assertEquals("eservices.appeal.rateLimited", unknown.messageKey());
        cabinet.requestLink("a@example.org", "192.0.2.9");
        cabinet.requestLink("b@example.org", "192.0.2.9");
        cabinet.requestLink("c@example.org", "192.0.2.9");
        assertEquals("eservices.appeal.rateLimited", assertThrows(EservicesException.class,
                () -> cabinet.requestLink("d@example.org", "192.0.2.9")).messageKey());
    }
}
