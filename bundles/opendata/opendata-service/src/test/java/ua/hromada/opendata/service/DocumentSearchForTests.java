package ua.hromada.opendata.service;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/** Document search's acts as the open-data services see them (portal-api {@code LegalActLookup}), knowing just the given acts. */
final class DocumentSearchForTests implements LegalActLookup {
    private final Map<Long, LegalActSummary> byId = new HashMap<>();

    DocumentSearchForTests(LegalActSummary... acts) {
        Arrays.stream(acts).forEach(a -> byId.put(a.id(), a));
    }

    @Override
    public List<LegalActSummary> search(String text, int limit) {
        return List.copyOf(byId.values());
    }

    @Override
    public Optional<LegalActSummary> find(long id) {
        return Optional.ofNullable(byId.get(id));
    }
}
