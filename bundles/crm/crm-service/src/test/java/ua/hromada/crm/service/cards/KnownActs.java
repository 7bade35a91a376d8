package ua.hromada.crm.service.cards;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.api.legal.LegalActSummary;

/** Document search as the cards see it, knowing only the acts with these ids. */
record KnownActs(Set<Long> ids) implements LegalActLookup {

    @Override
    public List<LegalActSummary> search(String text, int limit) {
        return ids.stream().sorted().limit(limit).map(KnownActs::act).toList();
    }

    @Override
    public Optional<LegalActSummary> find(long id) {
        return ids.contains(id) ? Optional.of(act(id)) : Optional.empty();
    }

    private static LegalActSummary act(long id) {
        return new LegalActSummary(id, "Рішення", String.valueOf(id), null, "Акт " + id, "dokumenty/" + id);
    }
}
