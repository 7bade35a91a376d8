package ua.hromada.eservices.api;

/**
 * A category of the catalogue («Освіта», «Соціальний захист»): an editable list of the community.
 *
 * @param id       0 for a new one
 * @param position order in lists, smaller first
 */
public record ServiceCategory(long id, String code, String name, int position, long version) {

    public static ServiceCategory create(String code, String name, int position) {
        return new ServiceCategory(0, code, name, position, 0);
    }
}
