package ua.hromada.opendata.api;

/**
 * A data manager (розпорядник інформації): a body of the council that owns datasets.
 *
 * @param edrpou    8-digit ЄДРПОУ code, validated by its check digit
 * @param parentId  the parent body, if any
 */
public record DataManager(long id, String name, String edrpou, String responsiblePerson, String email,
        String phone, Long parentId, String parentName) {
}
