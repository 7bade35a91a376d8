package ua.hromada.oks.notify;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Sends one notice over SMTP with Jakarta Mail (Angus), both embedded in this bundle. */
final class SmtpSender {

    void send(MailSettings settings, Notice notice) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jakarta Mail and Activation find their providers (SMTP transport, stream provider, mailcap)
        // through the context class loader; in OSGi only this bundle's loader sees the embedded jars.
        thread.setContextClassLoader(SmtpSender.class.getClassLoader());
        try {
            Session session = Session.getInstance(settings.sessionProperties());
            MimeMessage message = new MimeMessage(session);
            InternetAddress[] from = InternetAddress.parse(settings.from(), true);
            message.setFrom(from[0]);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(notice.to(), true));
            message.setSubject(notice.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            // RFC 3834: an automatic message, so auto-responders do not answer it
            message.setHeader("Auto-Submitted", "auto-generated");

            MimeBodyPart text = new MimeBodyPart();
            text.setText(notice.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(notice.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();

            if (settings.authenticated()) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
