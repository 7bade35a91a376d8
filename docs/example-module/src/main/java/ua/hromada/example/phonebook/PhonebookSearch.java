package ua.hromada.example.phonebook;

import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.SearchProvider;

/** Numbers in the header's search box: a unit or a person typed there finds the phone. */
@Component(service = SearchProvider.class)
public class PhonebookSearch implements SearchProvider {

    @Reference
    private Phonebook phonebook;

    @Override
    public String titleKey() {
        return "phonebook.search.title";
    }

    @Override
    public String requiredPermission() {
        return PortalUser.anyOf(PhonebookPermissions.VIEW, PhonebookPermissions.EDIT);
    }

    @Override
    public List<SearchHit> search(String query, int limit, Locale locale) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return phonebook.find(query, limit).stream()
                .map(e -> new SearchHit(e.phone(), e.person() == null ? e.unit() : e.unit() + " — " + e.person(),
                        "phonebook"))
                .toList();
    }
}
