package ua.hromada.crm.service.cards;

import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.crm.api.LegalActs;
import ua.hromada.docsearch.api.LegalAct;
import ua.hromada.docsearch.api.LegalActRegistry;
import ua.hromada.portal.api.HromadaModule;

/**
 * A card's legal basis in the document-search module's registry. The one class of the module that
 * uses that API (module guide, "Another module's services"): it waits for document search, and the
 * bundle imports {@code ua.hromada.docsearch.api} dynamically, so the CRM runs without it and wires
 * when it arrives.
 */
@Component(service = LegalActs.class, property = HromadaModule.WAITS_FOR_OTHER_MODULE + "=true")
public class DocsearchLegalActs implements LegalActs {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final LegalActRegistry registry;

    @Activate
    public DocsearchLegalActs(@Reference LegalActRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> title(String actId) {
        if (actId == null || !CardRules.ACT_ID.matcher(actId.strip()).matches()) {
            return Optional.empty();
        }
        return registry.find(Long.parseLong(actId.strip())).map(DocsearchLegalActs::title);
    }

    private static String title(LegalAct act) {
        String kind = act.kind() == null ? "" : act.kind().name() + " ";
        String date = act.date() == null ? "" : " від " + DATE.format(act.date());
        return kind + act.number() + date + " «" + act.title() + "»";
    }
}
