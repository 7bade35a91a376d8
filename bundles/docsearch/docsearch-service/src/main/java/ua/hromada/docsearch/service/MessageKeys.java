package ua.hromada.docsearch.service;

/** Message keys this bundle returns (texts in i18n/docsearch-service*.properties). */
public final class MessageKeys {
    public static final String TITLE_REQUIRED = "docsearch.error.title.required";
    public static final String TITLE_TOO_LONG = "docsearch.error.title.tooLong";
    public static final String NUMBER_REQUIRED = "docsearch.error.number.required";
    public static final String NUMBER_TOO_LONG = "docsearch.error.number.tooLong";
    public static final String DATE_REQUIRED = "docsearch.error.date.required";
    public static final String DATE_FUTURE = "docsearch.error.date.future";
    public static final String KIND_REQUIRED = "docsearch.error.kind.required";
    public static final String KIND_UNKNOWN = "docsearch.error.kind.unknown";
    public static final String ISSUING_BODY_TOO_LONG = "docsearch.error.issuingBody.tooLong";
    public static final String CONVOCATION_POSITIVE = "docsearch.error.convocation.positive";
    public static final String SESSION_POSITIVE = "docsearch.error.session.positive";
    public static final String TAG_TOO_LONG = "docsearch.error.tag.tooLong";
    public static final String LINK_UNKNOWN = "docsearch.error.link.unknown";
    public static final String LINK_SELF = "docsearch.error.link.self";
    public static final String FILE_NAME = "docsearch.error.file.name";
    public static final String FILE_TYPE = "docsearch.error.file.type";
    public static final String FILE_EMPTY = "docsearch.error.file.empty";
    public static final String FILE_TOO_LARGE = "docsearch.error.file.tooLarge";
    public static final String FILE_MISMATCH = "docsearch.error.file.mismatch";

    public static final String IMPORT_NOT_ZIP = "docsearch.import.error.notZip";
    public static final String IMPORT_NO_CSV = "docsearch.import.error.noCsv";
    public static final String IMPORT_CSV_ENCODING = "docsearch.import.error.csvEncoding";
    public static final String IMPORT_CSV_SYNTAX = "docsearch.import.error.csvSyntax";
    public static final String IMPORT_CSV_COLUMNS = "docsearch.import.error.csvColumns";
    public static final String IMPORT_CSV_HEADER = "docsearch.import.error.csvHeader";
    public static final String IMPORT_RUNNING = "docsearch.import.error.running";
    public static final String IMPORT_DUPLICATE = "docsearch.import.error.duplicate";
    public static final String IMPORT_FILE_MISSING = "docsearch.import.error.fileMissing";
    public static final String IMPORT_DATE = "docsearch.import.error.date";
    public static final String IMPORT_KIND = "docsearch.import.error.kind";
    public static final String IMPORT_STATUS = "docsearch.import.error.status";
    public static final String IMPORT_INTEGER = "docsearch.import.error.integer";
    public static final String IMPORT_FAILED = "docsearch.import.error.failed";
    public static final String IMPORT_ENTRY_TOO_LARGE = "docsearch.import.error.entryTooLarge";
    public static final String IMPORT_TOO_MANY = "docsearch.import.error.tooManyFiles";
    public static final String IMPORT_TOTAL_TOO_LARGE = "docsearch.import.error.totalTooLarge";
    public static final String IMPORT_RATIO = "docsearch.import.error.ratio";

    public static final String REINDEX_RUNNING = "docsearch.reindex.running";

    private MessageKeys() {
    }
}
