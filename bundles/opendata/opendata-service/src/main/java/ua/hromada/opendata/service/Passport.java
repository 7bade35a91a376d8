package ua.hromada.opendata.service;

/**
 * Names of the passport fields as the national rules word them: the column headers of import and
 * export, and the field named in validation messages.
 */
final class Passport {
    static final String IDENTIFIER = "Ідентифікатор набору даних";
    static final String TITLE = "Назва набору даних";
    static final String DESCRIPTION = "Опис набору даних";
    static final String LANGUAGE = "Відомості про мову";
    static final String FORMATS = "Формат (формати)";
    static final String COMPRESSION = "Відомості про стиснення";
    static final String FIRST_PUBLISHED = "Дата і час першого оприлюднення";
    static final String LAST_MODIFIED = "Дата і час внесення останніх змін";
    static final String ACTUALITY = "Дата актуальності даних";
    static final String FREQUENCY = "Частота оновлення";
    static final String KEYWORDS = "Ключові слова";
    static final String LINKS = "Посилання на набір даних";
    static final String RESPONSIBLE = "Відповідальна особа";
    static final String EMAIL = "Адреса електронної пошти відповідальної особи";
    static final String LEGAL_BASIS = "Підстава збору інформації";
    static final String PURPOSE = "Призначення збору інформації";
    static final String MANAGER = "Розпорядник інформації";
    static final String MANAGER_EDRPOU = "Код ЄДРПОУ розпорядника";
    static final String TAGS = "Теги";
    static final String STRUCTURE = "Структура набору даних";
    static final String OBLIGATION = "Пункт переліку обов'язкових наборів";
    static final String PUBLISHED = "Оприлюднено";

    // data managers
    static final String MANAGER_NAME = "Найменування розпорядника";
    static final String EDRPOU = "Код ЄДРПОУ";
    static final String MANAGER_RESPONSIBLE = "Відповідальна особа розпорядника";
    static final String MANAGER_EMAIL = "Електронна пошта розпорядника";
    static final String PHONE = "Телефон";
    static final String PARENT = "Вищий орган";

    // resources
    static final String RESOURCE_NAME = "Назва ресурсу";
    static final String RESOURCE_DESCRIPTION = "Опис ресурсу";
    static final String RESOURCE_FORMAT = "Формат ресурсу";
    static final String MEDIA_TYPE = "Тип вмісту";
    static final String URL = "Посилання на ресурс";
    static final String FILE_NAME = "Назва файлу";
    static final String SIZE = "Розмір, байт";
    static final String SHA256 = "Контрольна сума SHA-256";
    static final String MODIFIED = "Дата зміни ресурсу";

    // obligations
    static final String OBLIGATION_CODE = "Код пункту переліку";
    static final String OBLIGATION_TITLE = "Назва пункту переліку";

    private Passport() {
    }
}
