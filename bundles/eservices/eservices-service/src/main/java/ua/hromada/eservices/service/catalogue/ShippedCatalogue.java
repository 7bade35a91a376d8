package ua.hromada.eservices.service.catalogue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.LinkStatus;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.service.catalogue.TermStore.Term;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The catalogue a community starts with (issue 13, seed 000: the council's «єдине вікно» of its own
 * e-services and the state's digital resources): the national services every community's residents
 * use and Poltava's council services at their public addresses. Written into the community of the
 * connection when its catalogue is empty; the editors change it afterwards.
 */
public final class ShippedCatalogue {

    private record Shipped(String code, String name, String description, String url, String category,
            List<String> situations, Audience audience, ProviderKind provider) {
    }

    private static final List<Term> CATEGORIES = List.of(
            new Term(0, "participation", "Участь у житті громади", 10, 0),
            new Term(0, "administrative", "Адміністративні послуги", 20, 0),
            new Term(0, "education", "Освіта", 30, 0),
            new Term(0, "health", "Здоров’я та соціальний захист", 40, 0),
            new Term(0, "business", "Бізнес", 50, 0),
            new Term(0, "land", "Земля та відкриті дані", 60, 0));

    private static final List<Term> SITUATIONS = List.of(
            new Term(0, "child", "Народження дитини", 10, 0),
            new Term(0, "school", "Дитина йде до садочка чи школи", 20, 0),
            new Term(0, "documents", "Оформлення документів", 30, 0),
            new Term(0, "civic", "Хочу змінити громаду", 40, 0),
            new Term(0, "business-start", "Відкриття власної справи", 50, 0),
            new Term(0, "retirement", "Вихід на пенсію", 60, 0),
            new Term(0, "property", "Нерухомість і земля", 70, 0));

    private static final List<Shipped> SERVICES = List.of(
            new Shipped("diia", "Дія — державні послуги онлайн",
                    "Портал і застосунок державних послуг: довідки, реєстрації, єМалятко, цифрові документи.",
                    "https://diia.gov.ua/", "administrative", List.of("documents", "child"), Audience.BOTH,
                    ProviderKind.STATE),
            new Shipped("e-petitions", "Електронні петиції до міської ради",
                    "Створіть петицію або підпишіть чинну; петиції, що набрали підписи, розглядає рада (E-DEM).",
                    "https://petition.e-dem.ua/poltava", "participation", List.of("civic"), Audience.RESIDENTS,
                    ProviderKind.COUNCIL),
            new Shipped("e-consultations", "E-DEM.Консультації",
                    "Електронні консультації та опитування громадськості щодо рішень міської ради.",
                    "https://consult.e-dem.ua/", "participation", List.of("civic"), Audience.BOTH,
                    ProviderKind.COUNCIL),
            new Shipped("participatory-budget", "Громадський бюджет",
                    "Подайте власний проєкт для громади або проголосуйте за проєкти інших мешканців.",
                    "https://pb.e-dem.ua/poltava", "participation", List.of("civic"), Audience.RESIDENTS,
                    ProviderKind.COUNCIL),
            new Shipped("cnap-queue", "Електронна черга до ЦНАП",
                    "Запишіться на зручний час прийому в центрі надання адміністративних послуг.",
                    "https://rada-poltava.gov.ua/ua/service-links", "administrative", List.of("documents"),
                    Audience.BOTH, ProviderKind.COUNCIL),
            new Shipped("kindergarten", "Електронний запис до закладів дошкільної освіти",
                    "Зареєструйте дитину в черзі до дитячого садочка онлайн (ІСУО).",
                    "https://reg.isuo.org/", "education", List.of("child", "school"), Audience.RESIDENTS,
                    ProviderKind.COUNCIL),
            new Shipped("ehealth", "Електронна система охорони здоров’я",
                    "Декларація з сімейним лікарем, електронні рецепти та направлення.",
                    "https://ehealth.gov.ua/", "health", List.of("child"), Audience.RESIDENTS, ProviderKind.STATE),
            new Shipped("pension-fund", "Вебпортал Пенсійного фонду України",
                    "Електронні послуги Пенсійного фонду: призначення пенсії, довідки, субсидії.",
                    "https://portal.pfu.gov.ua/", "health", List.of("retirement", "documents"), Audience.BOTH,
                    ProviderKind.STATE),
            new Shipped("diia-business", "Дія.Бізнес",
                    "Консультації, навчання та державні програми підтримки для підприємців.",
                    "https://business.diia.gov.ua/", "business", List.of("business-start"), Audience.BUSINESS,
                    ProviderKind.STATE),
            new Shipped("land-cadastre", "Публічна кадастрова карта України",
                    "Відомості про земельні ділянки: кадастровий номер, площа, цільове призначення.",
                    "https://map.land.gov.ua/", "land", List.of("property"), Audience.BOTH, ProviderKind.STATE),
            new Shipped("open-data", "Відкриті дані міської ради",
                    "Набори відкритих даних міської ради та посилання на ключові документи про відкриті дані.",
                    "https://rada-poltava.gov.ua/ua/open-data", "land", List.of(), Audience.BOTH,
                    ProviderKind.COUNCIL),
            new Shipped("data-gov", "Єдиний державний вебпортал відкритих даних",
                    "Відкриті дані органів влади України, зокрема набори даних громади.",
                    "https://data.gov.ua/", "land", List.of(), Audience.BOTH, ProviderKind.STATE));

    private ShippedCatalogue() {
    }

    /** @return whether anything was written (false: the community has its catalogue already) */
    public static boolean seedIfNew(Connection c) throws SQLException {
        // two first uses at once: the second waits here and then finds the first one's rows
        Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext('eservices.shipped-catalogue'))", rs -> true);
        if (Statements.first(c, "SELECT 1 FROM eservices.service UNION ALL SELECT 1 FROM eservices.category"
                + " UNION ALL SELECT 1 FROM eservices.life_situation LIMIT 1", rs -> true).isPresent()) {
            return false;
        }
        Map<String, Long> categories = new HashMap<>();
        for (Term t : CATEGORIES) {
            categories.put(t.code(), TermStore.CATEGORIES.insert(c, t));
        }
        Map<String, Long> situations = new HashMap<>();
        for (Term t : SITUATIONS) {
            situations.put(t.code(), TermStore.SITUATIONS.insert(c, t));
        }
        for (Shipped s : SERVICES) {
            ServiceStore.insert(c, new EService(0, s.code(), s.name(), s.description(), s.url(),
                    categories.get(s.category()), s.situations().stream().map(situations::get).toList(),
                    s.audience(), s.provider(), null, ServiceStatus.ACTIVE, 0, 0, LinkStatus.UNCHECKED));
        }
        return true;
    }

    /** How many services the shipped catalogue has (for tests and the log). */
    public static int size() {
        return SERVICES.size();
    }
}
