package ua.hromada.crm.api;

import ua.hromada.portal.api.PortalUser;

/**
 * The service cards to and from files: a CSV (UTF-8, ";" or "," separated) or XLSX table, one card
 * a row, matched by its local code. A card's documents are one cell, documents separated by ";",
 * each {@code name|kind|condition|original}: kind one of {@link DocumentKind}, condition one of
 * {@link DocumentCondition}, and {@code original} or {@code copy} (e.g.
 * {@code Паспорт громадянина України|IDENTITY|ALWAYS|original; Довіреність|PROXY|BY_PROXY|original});
 * the export's header says so in the column's name. Channels are one cell of {@link Channel} names
 * separated by ",". Import is a preview first, then all or nothing; each changed card gets a new
 * version. Needs {@link CrmPermissions#HEAD}.
 */
public interface CardTransfer {

    /** Largest file an import reads. */
    int MAX_IMPORT_BYTES = 5 * 1024 * 1024;

    /**
     * The columns of the table, in order (the header row of an export; an import finds a column by
     * the first word of its header cell, so the explanations in brackets may be kept or dropped).
     */
    String[] COLUMNS = {"local_code", "national_id", "name", "provider_kind", "provider", "provider_role",
        "legal_basis", "legal_act_id", "fee_kind", "fee_amount", "fee_formula", "term_days", "result",
        "refusal_grounds", "channels", "queue_group", "documents", "active"};

    /** Reads the file and checks every row; nothing is changed. */
    CardImport preview(PortalUser user, String fileName, byte[] content);

    /**
     * Applies a preview in one transaction after checking its rows again: every card is created or
     * gets a new version, or none does (INVALID or CONFLICT, nothing applied).
     *
     * @return the number of cards created or changed
     */
    int apply(PortalUser user, CardImport preview);

    /** Every card, current versions, by local code. */
    byte[] export(PortalUser user, CardFileFormat format);
}
