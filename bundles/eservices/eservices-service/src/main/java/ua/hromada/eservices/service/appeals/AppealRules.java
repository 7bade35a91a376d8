package ua.hromada.eservices.service.appeals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.eservices.service.appeals.AppealStore.StoredFile;

/** The public form's field rules: each broken rule puts field → message key. */
final class AppealRules {
    static final int MIN_TEXT = 10;
    static final int MAX_NAME = 200;
    static final int MAX_ANSWER = 10_000;
    /** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]{5,40}");

    private AppealRules() {
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean phone(String phone) {
        return phone != null && PHONE.matcher(phone).matches() && phone.chars().filter(Character::isDigit).count() >= 5;
    }

    static boolean email(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** The fields a person typed (the topic is checked against the database by the intake). */
    static void checkFields(AppealForm f, IntakeLimits limits, Map<String, String> errors) {
        String text = strip(f.text());
        if (text == null || text.length() < MIN_TEXT || text.length() > limits.maxTextLength()) {
            errors.put("text", "eservices.appeal.error.text");
        }
        String name = strip(f.name());
        if (name == null || name.length() > MAX_NAME) {
            errors.put("name", "eservices.appeal.error.name");
        }
        if (!email(strip(f.email()))) {
            errors.put("email", "eservices.appeal.error.email");
        }
        String phone = strip(f.phone());
        if (phone != null && !phone(phone)) {
            errors.put("phone", "eservices.appeal.error.phone");
        }
        if (!f.consent()) {
            errors.put("consent", "eservices.appeal.error.consent");
        }
        if ((f.latitude() == null) != (f.longitude() == null) || f.latitude() != null
                && !(f.latitude() >= -90 && f.latitude() <= 90 && f.longitude() >= -180 && f.longitude() <= 180)) {
            errors.put("location", "eservices.appeal.error.location");
        }
    }

    /**
     * The files, checked by count, size and content (the first bytes; the name is never trusted), read
     * only once every check passed; empty when a rule is broken (its error put).
     */
    static Optional<List<StoredFile>> files(List<AppealForm.AppealFile> files, IntakeLimits limits,
            Map<String, String> errors) {
        List<AppealForm.AppealFile> given = files == null ? List.of() : files;
        if (given.size() > limits.maxFiles()) {
            errors.put("files", "eservices.appeal.error.files.count");
            return Optional.empty();
        }
        List<FileTypes.Kind> kinds = new ArrayList<>();
        try {
            for (AppealForm.AppealFile file : given) {
                if (Files.size(file.content()) > limits.maxFileBytes()) {
                    errors.put("files", "eservices.appeal.error.files.size");
                    return Optional.empty();
                }
                Optional<FileTypes.Kind> kind = FileTypes.of(file.content())
                        .filter(k -> limits.fileTypes().contains(k.name()));
                if (kind.isEmpty()) {
                    errors.put("files", "eservices.appeal.error.files.type");
                    return Optional.empty();
                }
                kinds.add(kind.get());
            }
            if (!errors.isEmpty()) {
                return Optional.empty();
            }
            List<StoredFile> stored = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                stored.add(new StoredFile(fileName(given.get(i).fileName(), kinds.get(i)), kinds.get(i).contentType,
                        Files.readAllBytes(given.get(i).content())));
            }
            return Optional.of(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("an uploaded file could not be read", e);
        }
    }

    /** The browser's name without folders or control characters, at most 255 characters. */
    static String fileName(String given, FileTypes.Kind kind) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "file." + kind.name().toLowerCase(java.util.Locale.ROOT).replace("jpeg", "jpg");
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
