package ua.hromada.crm.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A service's information card («інформаційна картка»). Each save makes a new {@code cardVersion};
 * older versions stay readable ({@link ServiceCards#version}), and a case keeps the version it was
 * opened under.
 *
 * @param id             0 for a new card
 * @param nationalId     the service's identifier in the national register of administrative services; may be empty
 * @param localCode      the centre's own code, unique in the community
 * @param providerKind   council unit or state body
 * @param provider       the provider's name
 * @param providerRole   the portal role of the back-office unit the case is handed over to; empty for a state body
 * @param legalBasis     the legal basis in words
 * @param legalActId     the document-search act the basis links to; empty when none
 * @param feeAmount      the amount in hryvnias when {@code feeKind} is {@code AMOUNT}, else null
 * @param feeFormula     the formula in words when {@code feeKind} is {@code FORMULA}, else empty
 * @param termDays       the term in working days
 * @param queueGroup     the hall queue's group of the service (e.g. «Реєстрація місця проживання»)
 * @param cardVersion    1 for the first saved version
 * @param version        optimistic-locking version the form loaded (portal-api {@code Versioned})
 */
public record ServiceCard(long id, String nationalId, String localCode, String name, ProviderKind providerKind,
        String provider, String providerRole, String legalBasis, String legalActId, FeeKind feeKind,
        BigDecimal feeAmount, String feeFormula, int termDays, String result, String refusalGrounds,
        Set<Channel> channels, String queueGroup, List<RequiredDocument> documents, boolean active,
        int cardVersion, long version) {

    public ServiceCard {
        channels = Set.copyOf(channels);
        documents = List.copyOf(documents);
    }
}
