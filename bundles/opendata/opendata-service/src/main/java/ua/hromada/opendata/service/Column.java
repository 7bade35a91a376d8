package ua.hromada.opendata.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of the dataset table of import and export, headed with the national passport's
 * field names; a few other common wordings are accepted on import.
 */
enum Column {
    IDENTIFIER(Passport.IDENTIFIER, "Ідентифікатор", "Ідентифікаційний номер набору даних", "identifier", "name"),
    TITLE(Passport.TITLE, "Назва", "title"),
    DESCRIPTION(Passport.DESCRIPTION, "Опис", "description", "notes"),
    MANAGER(Passport.MANAGER, "Розпорядник", "Розпорядник інформації (найменування)", "publisher", "organization"),
    MANAGER_EDRPOU(Passport.MANAGER_EDRPOU, "Код ЄДРПОУ", "ЄДРПОУ", "edrpou"),
    LANGUAGE(Passport.LANGUAGE, "Мова", "Відомості про мову інформації, яка міститься у наборі даних", "language"),
    FORMATS(Passport.FORMATS, "Формат", "Формати", "Формат (формати) набору даних", "format"),
    COMPRESSION(Passport.COMPRESSION, "Стиснення", "compression"),
    // the export's headers before V9 ("Дата першого оприлюднення", "Дата внесення останніх змін") still import
    FIRST_PUBLISHED(Passport.FIRST_PUBLISHED, "Дата першого оприлюднення", "Дата першого оприлюднення набору даних",
            "Дата та час першого оприлюднення", "issued"),
    LAST_MODIFIED(Passport.LAST_MODIFIED, "Дата внесення останніх змін", "Дата та час внесення останніх змін",
            "Дата останнього оновлення", "modified"),
    ACTUALITY(Passport.ACTUALITY, "Дата актуальності", "actuality"),
    FREQUENCY(Passport.FREQUENCY, "Частота оновлення набору даних", "frequency"),
    KEYWORDS(Passport.KEYWORDS, "keywords"),
    LINKS(Passport.LINKS, "Гіперпосилання на набір даних", "Посилання", "Посилання на набір даних (гіперпосилання)", "links"),
    RESPONSIBLE(Passport.RESPONSIBLE, "Відповідальна особа (прізвище, ім'я та по батькові)", "maintainer"),
    EMAIL(Passport.EMAIL, "Електронна пошта відповідальної особи", "Адреса електронної пошти", "maintainer_email"),
    LEGAL_BASIS(Passport.LEGAL_BASIS, "Підстава та призначення збору інформації", "Правова підстава", "legal_basis"),
    PURPOSE(Passport.PURPOSE, "Призначення", "purpose"),
    TAGS(Passport.TAGS, "Теги набору", "tags"),
    STRUCTURE(Passport.STRUCTURE, "structure"),
    OBLIGATION(Passport.OBLIGATION, "Пункт переліку", "obligation"),
    PUBLISHED(Passport.PUBLISHED, "published");

    private static final Map<String, Column> BY_HEADER = new HashMap<>();

    static {
        for (Column c : values()) {
            BY_HEADER.put(key(c.header), c);
            for (String a : c.aliases) {
                BY_HEADER.putIfAbsent(key(a), c);
            }
        }
    }

    final String header;
    private final List<String> aliases;

    Column(String header, String... aliases) {
        this.header = header;
        this.aliases = List.of(aliases);
    }

    static Optional<Column> byHeader(String header) {
        return header == null ? Optional.empty() : Optional.ofNullable(BY_HEADER.get(key(header)));
    }

    /** Case, spaces, a trailing "*" (required mark) and apostrophe variants ignored. */
    private static String key(String header) {
        String h = header.replace('\uFEFF', ' ').strip().toLowerCase(Locale.ROOT).replace('’', '\'').replace('ʼ', '\'')
                .replaceAll("\\s+", " ");
        while (h.endsWith("*") || h.endsWith(":")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        return h;
    }

    boolean date() {
        return this == FIRST_PUBLISHED || this == LAST_MODIFIED || this == ACTUALITY;
    }
}
