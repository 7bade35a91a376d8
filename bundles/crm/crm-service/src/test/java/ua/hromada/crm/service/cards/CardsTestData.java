package ua.hromada.crm.service.cards;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;

/** A valid card of a council unit and its variations, for the cards' tests. */
final class CardsTestData {

    private CardsTestData() {
    }

    static ServiceCard landCard(String code) {
        return new ServiceCard(0, "01234", code, "Надання дозволу на розроблення проєкту землеустрою",
                ProviderKind.COUNCIL_UNIT, "Управління земельних відносин", "zemelnyi", "Земельний кодекс України, стаття 118",
                "", FeeKind.FREE, null, "", 22, "Рішення міської ради", "Невідповідність місця розташування",
                Set.of(Channel.IN_PERSON, Channel.EMAIL), "Земельні питання",
                List.of(new RequiredDocument("Клопотання", DocumentKind.OTHER, DocumentCondition.ALWAYS, true),
                        new RequiredDocument("Паспорт громадянина України", DocumentKind.IDENTITY, DocumentCondition.ALWAYS,
                                true),
                        new RequiredDocument("Довіреність", DocumentKind.PROXY, DocumentCondition.BY_PROXY, true)),
                true, 0, 0);
    }

    /** The card with the fee, term and documents given, the rest as it is. */
    static ServiceCard with(ServiceCard s, FeeKind fee, BigDecimal amount, String formula, int term,
            List<RequiredDocument> documents) {
        return new ServiceCard(s.id(), s.nationalId(), s.localCode(), s.name(), s.providerKind(), s.provider(),
                s.providerRole(), s.legalBasis(), s.legalActId(), fee, amount, formula, term, s.result(),
                s.refusalGrounds(), s.channels(), s.queueGroup(), documents, s.active(), s.cardVersion(), s.version());
    }

    /** The card with its name, provider, role and channels given. */
    static ServiceCard named(ServiceCard s, String name, ProviderKind kind, String role, Set<Channel> channels) {
        return new ServiceCard(s.id(), s.nationalId(), s.localCode(), name, kind, s.provider(), role, s.legalBasis(),
                s.legalActId(), s.feeKind(), s.feeAmount(), s.feeFormula(), s.termDays(), s.result(), s.refusalGrounds(),
                channels, s.queueGroup(), s.documents(), s.active(), s.cardVersion(), s.version());
    }

    static ServiceCard withAct(ServiceCard s, String actId) {
        return new ServiceCard(s.id(), s.nationalId(), s.localCode(), s.name(), s.providerKind(), s.provider(),
                s.providerRole(), s.legalBasis(), actId, s.feeKind(), s.feeAmount(), s.feeFormula(), s.termDays(),
                s.result(), s.refusalGrounds(), s.channels(), s.queueGroup(), s.documents(), s.active(),
                s.cardVersion(), s.version());
    }
}
