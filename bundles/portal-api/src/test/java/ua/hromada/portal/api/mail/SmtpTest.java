package ua.hromada.portal.api.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import ua.hromada.portal.api.mail.Smtp.Security;

class SmtpTest {

    @Test
    void securityIsReadInAnyCaseAndBlankIsNone() {
        assertEquals(Security.NONE, Security.of(null));
        assertEquals(Security.NONE, Security.of(" "));
        assertEquals(Security.STARTTLS, Security.of(" StartTLS "));
        assertEquals(Security.SSL, Security.of("ssl"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Security.of("tls"));
        assertEquals("security must be none, starttls or ssl, not 'tls'", e.getMessage());
    }

    @Test
    void incompleteNamesTheFirstMissingKey() {
        assertEquals("host", Smtp.incomplete("", "", 0));
        assertEquals("from", Smtp.incomplete("mail.example", " ", 25));
        assertEquals("port", Smtp.incomplete("mail.example", "a@example.org", 0));
        assertEquals("port", Smtp.incomplete("mail.example", "a@example.org", 65536));
        assertNull(Smtp.incomplete("mail.example", "a@example.org", 587));
    }

    @Test
    void sessionPropertiesFollowTheSecurityMode() {
        Properties plain = Smtp.sessionProperties("mail.example", 25, 1000, 2000, false, Security.NONE);
        assertEquals("smtp", plain.getProperty("mail.transport.protocol"));
        assertEquals("mail.example", plain.getProperty("mail.smtp.host"));
        assertEquals("25", plain.getProperty("mail.smtp.port"));
        assertEquals("1000", plain.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("2000", plain.getProperty("mail.smtp.timeout"));
        assertEquals("2000", plain.getProperty("mail.smtp.writetimeout"));
        assertEquals("false", plain.getProperty("mail.smtp.auth"));
        assertFalse(plain.containsKey("mail.smtp.starttls.enable"));
        assertFalse(plain.containsKey("mail.smtp.ssl.enable"));
        assertFalse(plain.containsKey("mail.smtp.ssl.checkserveridentity"));

        Properties starttls = Smtp.sessionProperties("mail.example", 587, 1000, 2000, true, Security.STARTTLS);
        assertEquals("true", starttls.getProperty("mail.smtp.auth"));
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", starttls.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", starttls.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertFalse(starttls.containsKey("mail.smtp.ssl.enable"));

        Properties ssl = Smtp.sessionProperties("mail.example", 465, 1000, 2000, true, Security.SSL);
        assertEquals("true", ssl.getProperty("mail.smtp.ssl.enable"));
        assertEquals("true", ssl.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertFalse(ssl.containsKey("mail.smtp.starttls.enable"));
    }
}
