package ua.hromada.opendata.api;

/**
 * An item of the national list of datasets that local self-government bodies must publish.
 *
 * @param code       the list's item number or code, unique
 * @param legalBasis the act that requires it
 */
public record Obligation(long id, String code, String title, String description, String legalBasis) {
}
