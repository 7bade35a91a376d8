package ua.hromada.eservices.api;

/**
 * A topic of the public appeal form, and where its appeals go: the unit that handles them, the
 * deadline in working days and, optionally, another module's case type the appeal is handed over
 * to ({@code handover}: "" for none, else an {@link AppealHandover#target()} such as "oks").
 *
 * @param id       0 for a new topic
 * @param position order in the form's list, smaller first
 */
public record AppealTopic(long id, String code, String name, String description, long unitId, int deadlineDays,
        String handover, boolean active, int position, long version) {

    /** Whether appeals of this topic go to another module. */
    public boolean handedOver() {
        return handover != null && !handover.isBlank();
    }
}
