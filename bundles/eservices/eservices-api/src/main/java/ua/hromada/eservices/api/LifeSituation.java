package ua.hromada.eservices.api;

/**
 * A life situation residents look for services by («Народження дитини», «Відкриття бізнесу»): an
 * editable list of the community.
 *
 * @param id       0 for a new one
 * @param position order in lists, smaller first
 */
public record LifeSituation(long id, String code, String name, int position, long version) {

    public static LifeSituation create(String code, String name, int position) {
        return new LifeSituation(0, code, name, position, 0);
    }
}
