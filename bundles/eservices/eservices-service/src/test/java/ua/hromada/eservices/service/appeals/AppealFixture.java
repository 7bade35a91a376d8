package ua.hromada.eservices.service.appeals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;
import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealIntake;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.Receipt;
import ua.hromada.eservices.service.EservicesTestSetup;
import ua.hromada.portal.testing.TestImages;

/** A resident filling the public form in the e-appeals tests: real files, the real form ticket. */
final class AppealFixture {
    static final String ADDRESS = "192.0.2.10";
    private final EservicesTestSetup setup;
    private final Path folder;

    AppealFixture(EservicesTestSetup setup) {
        this.setup = setup;
        try {
            this.folder = Files.createTempDirectory("appeal-files");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AppealTopic topic(String code) {
        return setup.topics().all().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    /** A form of the topic with the ticket's right answer, filled in as a resident would. */
    static AppealForm form(FormTicket ticket, long topicId, String email, List<AppealForm.AppealFile> files,
            boolean publicAppeal) {
        return new AppealForm(ticket.token(), String.valueOf(ticket.left() + ticket.right()), topicId,
                "Біля будинку № 5 на вулиці Соборності третій тиждень не працює ліхтар.", 49.5883, 34.5514, files,
                "Олена Петренко", email, "+380 50 123 45 67", publicAppeal, true);
    }

    /** Opens the form, waits as a person would (the clock moves 30 s) and sends it. */
    Receipt submit(AppealIntake intake, String topic, String email, boolean publicAppeal,
            List<AppealForm.AppealFile> files) {
        FormTicket ticket = intake.openForm(ADDRESS);
        setup.clock().advance(Duration.ofSeconds(30));
        return intake.submit(form(ticket, topic(topic).id(), email, files, publicAppeal), ADDRESS);
    }

    Receipt submit(String topic, String email, boolean publicAppeal) {
        return submit(setup.intake(), topic, email, publicAppeal, List.of());
    }

    AppealForm.AppealFile file(String name, byte[] content) {
        try {
            Path path = Files.createTempFile(folder, "upload", ".bin");
            Files.write(path, content);
            return new AppealForm.AppealFile(name, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png() {
        return TestImages.png(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB));
    }

    static byte[] jpeg() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
                + " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The messages the local SMTP server got for {@code to}, waiting up to 10 s for {@code count}. */
    static List<MimeMessage> mailTo(EservicesTestSetup setup, String to, int count) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<MimeMessage> found = List.of(setup.mailServer().getReceivedMessages()).stream()
                    .filter(m -> recipient(m).equalsIgnoreCase(to)).toList();
            if (found.size() >= count || System.nanoTime() > end) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage m) {
        try {
            return (String) m.getContent();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cabinet token of the link in a message. */
    static String cabinetToken(MimeMessage m) {
        Matcher matcher = Pattern.compile("zvernennia/kabinet\\?token=([A-Za-z0-9_-]+)").matcher(text(m));
        if (!matcher.find()) {
            throw new AssertionError("no cabinet link in:\n" + text(m));
        }
        return matcher.group(1);
    }
}
