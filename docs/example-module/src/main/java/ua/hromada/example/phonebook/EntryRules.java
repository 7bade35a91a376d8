package ua.hromada.example.phonebook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The directory's rules for a form, in one place so the service enforces them and a unit test
 * proves them; the view only shows what they say.
 */
public final class EntryRules {

    static final int MAX_TEXT = 200;
    /** Digits with the usual separators; 5 to 20 digits cover internal and city numbers. */
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ()-]*");

    private EntryRules() {
    }

    /** The form with surrounding spaces removed and an empty person turned into none. */
    public static EntryForm normalise(EntryForm form) {
        String person = strip(form.person());
        return new EntryForm(strip(form.unit()), person.isEmpty() ? null : person, strip(form.phone()));
    }

    /** Field → message key for every rule the (normalised) form breaks; empty when it is fine. */
    public static Map<String, String> check(EntryForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String unit = strip(form.unit());
        if (unit.isEmpty()) {
            errors.put("unit", "phonebook.error.unit.required");
        } else if (unit.length() > MAX_TEXT) {
            errors.put("unit", "phonebook.error.unit.long");
        }
        if (strip(form.person()).length() > MAX_TEXT) {
            errors.put("person", "phonebook.error.person.long");
        }
        String phone = strip(form.phone());
        long digits = phone.chars().filter(Character::isDigit).count();
        if (phone.isEmpty()) {
            errors.put("phone", "phonebook.error.phone.required");
        } else if (!PHONE.matcher(phone).matches() || digits < 5 || digits > 20) {
            errors.put("phone", "phonebook.error.phone.format");
        }
        return errors;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
