package ua.hromada.crm.api;

/**
 * A line of the hall's queue: the services whose cards name the same queue group
 * ({@link ServiceCard#queueGroup()}). Its letter prefixes the group's ticket numbers (А-001); letters
 * are given in the order the groups are first seen and kept.
 */
public record QueueGroup(long id, String name, String letter) {
}
