package ua.hromada.opendata.publication;

import java.time.Instant;

import ua.hromada.opendata.api.DataManager;

/**
 * A data manager as the publication shows it (a CKAN organisation).
 *
 * @param id           stable public id (a UUID)
 * @param name         URL name: the ЄДРПОУ code, or {@code manager-<id>} without one
 * @param packageCount its published datasets
 * @param created      the earliest publication among them
 */
public record Organization(DataManager manager, String id, String name, int packageCount, Instant created) {

    public String title() {
        return manager.name();
    }
}
