package ua.hromada.opendata.api;

/**
 * A data manager (розпорядник інформації): a body of the council that owns datasets.
 *
 * @param edrpou    8-digit ЄДРПОУ code, validated by its check digit
 * @param parentId  the parent body, if any
 * @param version   the optimistic-lock version read with it (sent back with a form's save)
 */
public record DataManager(long id, String name, String edrpou, String responsiblePerson, String email,
        String phone, Long parentId, String parentName, long version) {

    /** A manager not read from the registry (new, or a row of an import): version 0. */
    public DataManager(long id, String name, String edrpou, String responsiblePerson, String email, String phone,
            Long parentId, String parentName) {
        this(id, name, edrpou, responsiblePerson, email, phone, parentId, parentName, 0);
    }
}
