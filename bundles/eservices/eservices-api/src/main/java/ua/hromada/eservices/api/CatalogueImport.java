package ua.hromada.eservices.api;

import java.util.List;

/**
 * What an import file would do, read but not applied: the services it describes (matched to the
 * catalogue by code: {@code created} new ones, {@code updated} existing ones) and the problems of
 * its rows. It is applied only whole and only without problems.
 */
public record CatalogueImport(String fileName, List<EService> services, int created, int updated,
        List<ImportProblem> problems) {

    public CatalogueImport {
        services = List.copyOf(services);
        problems = List.copyOf(problems);
    }

    public boolean applicable() {
        return problems.isEmpty() && !services.isEmpty();
    }
}
