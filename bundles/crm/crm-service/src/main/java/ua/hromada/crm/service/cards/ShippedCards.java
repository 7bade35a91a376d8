package ua.hromada.crm.service.cards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.DocumentCondition;
import ua.hromada.crm.api.DocumentKind;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.RequiredDocument;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.portal.api.jdbc.Statements;

/**
 * The cards a community's centre starts with (issue 14): the services a city's ЦНАП is asked for
 * most, as their information cards describe them — the council's own units (with the portal roles
 * of their back offices) and the state bodies whose services the centre accepts. The national
 * register's identifiers are left for the centre to fill in. Written into the community of the
 * connection when it has no cards; the head changes them afterwards (each change a new version).
 */
public final class ShippedCards {
    static final String SAVED_BY = "system";

    private static final Set<Channel> DESK = Set.of(Channel.IN_PERSON);
    private static final Set<Channel> DESK_DIIA = Set.of(Channel.IN_PERSON, Channel.DIIA);
    private static final Set<Channel> DESK_MAIL = Set.of(Channel.IN_PERSON, Channel.EMAIL);

    private static final String REGISTRATION = "Відділ реєстрації місця проживання";
    private static final String SOCIAL = "Департамент соціального захисту населення";
    private static final String ARCHITECTURE = "Управління архітектури та містобудування";
    private static final String LAND = "Управління земельних відносин";
    private static final String STATE_REGISTRARS = "Відділ державної реєстрації юридичних осіб, фізичних осіб-підприємців"
            + " та речових прав";

    private static RequiredDocument doc(String name, DocumentKind kind, DocumentCondition condition, boolean original) {
        return new RequiredDocument(name, kind, condition, original);
    }

    private static final RequiredDocument APPLICATION = doc("Заява", DocumentKind.OTHER, DocumentCondition.ALWAYS, true);
    private static final RequiredDocument PASSPORT = doc("Паспорт громадянина України або інший документ, що посвідчує"
            + " особу", DocumentKind.IDENTITY, DocumentCondition.ALWAYS, true);
    private static final RequiredDocument TAX_CARD = doc("Документ про реєстраційний номер облікової картки платника"
            + " податків (РНОКПП)", DocumentKind.TAX_NUMBER, DocumentCondition.PERSON, false);
    private static final RequiredDocument PROXY = doc("Довіреність, посвідчена в установленому порядку",
            DocumentKind.PROXY, DocumentCondition.BY_PROXY, true);
    private static final RequiredDocument REPRESENTATIVE = doc("Документ, що підтверджує повноваження представника"
            + " юридичної особи", DocumentKind.PROXY, DocumentCondition.LEGAL_ENTITY, true);

    private static ServiceCard card(String code, String name, ProviderKind kind, String provider, String role,
            String basis, FeeKind fee, String amount, String formula, int term, String result, String refusal,
            Set<Channel> channels, String queue, RequiredDocument... documents) {
        return new ServiceCard(0, "", code, name, kind, provider, role, basis, "", fee,
                amount == null ? null : new BigDecimal(amount), formula, term, result, refusal, channels, queue,
                List.of(documents), true, 1, 0);
    }

    static final List<ServiceCard> CARDS = List.of(
            card("RM-01", "Реєстрація місця проживання особи", ProviderKind.COUNCIL_UNIT, REGISTRATION, "reiestratsiia",
                    "Закон України «Про свободу пересування та вільний вибір місця проживання в Україні»; постанова"
                            + " Кабінету Міністрів України від 07.02.2022 № 265",
                    FeeKind.FORMULA, null, "Безоплатно у встановлений строк; з порушенням строку — 0,085 розміру"
                            + " прожиткового мінімуму для працездатних осіб", 1,
                    "Внесення відомостей про місце проживання до реєстру територіальної громади; довідка про"
                            + " реєстрацію місця проживання (за бажанням)",
                    "Неподання документів, необхідних для реєстрації; подання недостовірних відомостей",
                    DESK_DIIA, "Реєстрація місця проживання", APPLICATION, PASSPORT,
                    doc("Документ, що підтверджує право на проживання в житлі (або згода власника)", DocumentKind.OTHER,
                            DocumentCondition.ALWAYS, false),
                    doc("Квитанція про сплату адміністративного збору (у разі порушення строку)", DocumentKind.PAYMENT,
                            DocumentCondition.ALWAYS, false),
                    PROXY),
            card("RM-02", "Зняття із задекларованого / зареєстрованого місця проживання", ProviderKind.COUNCIL_UNIT,
                    REGISTRATION, "reiestratsiia", "Закон України «Про свободу пересування та вільний вибір місця"
                            + " проживання в Україні»; постанова Кабінету Міністрів України від 07.02.2022 № 265",
                    FeeKind.FREE, null, "", 1, "Зняття з реєстрації місця проживання, відмітка у паспорті",
                    "Подання неповного пакета документів", DESK_DIIA, "Реєстрація місця проживання", APPLICATION,
                    PASSPORT, PROXY),
            card("RM-03", "Видача довідки про склад сім’ї (витяг з реєстру територіальної громади)",
                    ProviderKind.COUNCIL_UNIT, REGISTRATION, "reiestratsiia",
                    "Закон України «Про свободу пересування та вільний вибір місця проживання в Україні»",
                    FeeKind.FREE, null, "", 1, "Витяг з реєстру територіальної громади про осіб, зареєстрованих у"
                            + " житловому приміщенні", "Відсутність відомостей про особу в реєстрі громади",
                    DESK_MAIL, "Реєстрація місця проживання", APPLICATION, PASSPORT, PROXY),
            card("AC-01", "Державна реєстрація народження фізичної особи та її походження", ProviderKind.STATE_BODY,
                    "Відділ державної реєстрації актів цивільного стану (Міністерство юстиції України)", "",
                    "Закон України «Про державну реєстрацію актів цивільного стану»; наказ Мін’юсту від 18.10.2000"
                            + " № 52/5", FeeKind.FREE, null, "", 1, "Свідоцтво про народження, витяг з Державного"
                            + " реєстру актів цивільного стану", "Подання документів, що не відповідають вимогам",
                    DESK_DIIA, "Реєстрація актів цивільного стану", APPLICATION,
                    doc("Медичне свідоцтво про народження (форма № 103/о)", DocumentKind.OTHER, DocumentCondition.ALWAYS,
                            true),
                    doc("Паспорти батьків", DocumentKind.IDENTITY, DocumentCondition.ALWAYS, true),
                    doc("Свідоцтво про шлюб (за наявності)", DocumentKind.OTHER, DocumentCondition.ALWAYS, true), PROXY),
            card("PS-01", "Оформлення паспорта громадянина України у формі ID-картки", ProviderKind.STATE_BODY,
                    "Державна міграційна служба України (територіальний підрозділ)", "",
                    "Закон України «Про Єдиний державний демографічний реєстр та документи, що підтверджують"
                            + " громадянство України, посвідчують особу чи її спеціальний статус»; постанова Кабінету"
                            + " Міністрів України від 25.03.2015 № 302", FeeKind.AMOUNT, "279.00", "", 20,
                    "Паспорт громадянина України у формі ID-картки", "Подання недостовірних відомостей; особа не є"
                            + " громадянином України", DESK, "Паспортні послуги", APPLICATION,
                    doc("Свідоцтво про народження або паспорт у формі книжечки, що обмінюється", DocumentKind.IDENTITY,
                            DocumentCondition.ALWAYS, true), TAX_CARD,
                    doc("Квитанція про сплату адміністративного збору", DocumentKind.PAYMENT, DocumentCondition.ALWAYS,
                            false)),
            card("SZ-01", "Призначення житлової субсидії", ProviderKind.COUNCIL_UNIT, SOCIAL, "sotszakhyst",
                    "Постанова Кабінету Міністрів України від 21.10.1995 № 848", FeeKind.FREE, null, "", 10,
                    "Рішення про призначення субсидії, повідомлення про її розмір", "Наявність обставин, за яких"
                            + " субсидія не призначається (Положення, пункт 14)", DESK_MAIL, "Соціальні послуги",
                    doc("Заява та декларація про доходи та майно", DocumentKind.OTHER, DocumentCondition.ALWAYS, true),
                    PASSPORT, TAX_CARD, PROXY),
            card("SZ-02", "Призначення допомоги при народженні дитини", ProviderKind.STATE_BODY,
                    "Головне управління Пенсійного фонду України в області", "",
                    "Закон України «Про державну допомогу сім’ям з дітьми»; постанова Кабінету Міністрів України"
                            + " від 27.12.2001 № 1751", FeeKind.FREE, null, "", 10, "Рішення про призначення допомоги",
                    "Звернення пізніше 12 місяців після народження дитини", DESK_DIIA, "Соціальні послуги",
                    APPLICATION, PASSPORT, TAX_CARD,
                    doc("Свідоцтво про народження дитини", DocumentKind.OTHER, DocumentCondition.ALWAYS, false)),
            card("MB-01", "Видача дозволу на розміщення зовнішньої реклами", ProviderKind.COUNCIL_UNIT, ARCHITECTURE,
                    "mistobuduvannia", "Закон України «Про рекламу»; Типові правила розміщення зовнішньої реклами,"
                            + " постанова Кабінету Міністрів України від 29.12.2003 № 2067", FeeKind.FREE, null, "",
                    15, "Дозвіл на розміщення зовнішньої реклами", "Невідповідність документів Типовим правилам;"
                            + " місце зайняте іншим розповсюджувачем", DESK_MAIL, "Містобудування та реклама",
                    APPLICATION,
                    doc("Фотокартка або комп’ютерний макет місця розташування рекламного засобу", DocumentKind.OTHER,
                            DocumentCondition.ALWAYS, false),
                    doc("Ескіз рекламного засобу з конструктивним рішенням", DocumentKind.OTHER,
                            DocumentCondition.ALWAYS, false), REPRESENTATIVE, PROXY),
            card("MB-02", "Присвоєння адреси об’єкту нерухомого майна", ProviderKind.COUNCIL_UNIT, ARCHITECTURE,
                    "mistobuduvannia", "Закон України «Про регулювання містобудівної діяльності», стаття 26-3;"
                            + " постанова Кабінету Міністрів України від 07.07.2021 № 690", FeeKind.FREE, null, "", 5,
                    "Рішення про присвоєння адреси, внесене до Реєстру будівельної діяльності",
                    "Подання неповного пакета документів; недостовірні відомості", DESK_DIIA,
                    "Містобудування та реклама", APPLICATION, PASSPORT,
                    doc("Документ, що посвідчує право власності на земельну ділянку або об’єкт", DocumentKind.OTHER,
                            DocumentCondition.ALWAYS, false), REPRESENTATIVE, PROXY),
            card("NR-01", "Надання інформації з Державного реєстру речових прав на нерухоме майно",
                    ProviderKind.STATE_BODY, "Міністерство юстиції України (державний реєстратор)", "",
                    "Закон України «Про державну реєстрацію речових прав на нерухоме майно та їх обтяжень»; постанова"
                            + " Кабінету Міністрів України від 25.12.2015 № 1127", FeeKind.FORMULA, null,
                    "0,025 розміру прожиткового мінімуму для працездатних осіб за паперову інформаційну довідку",
                    1, "Інформаційна довідка з Державного реєстру речових прав", "Запит не містить відомостей,"
                            + " достатніх для пошуку", DESK, "Нерухомість і бізнес", APPLICATION, PASSPORT,
                    doc("Квитанція про сплату адміністративного збору", DocumentKind.PAYMENT, DocumentCondition.ALWAYS,
                            false), PROXY),
            card("NR-02", "Державна реєстрація фізичної особи-підприємця", ProviderKind.COUNCIL_UNIT, STATE_REGISTRARS,
                    "derzhreiestratsiia", "Закон України «Про державну реєстрацію юридичних осіб, фізичних"
                            + " осіб-підприємців та громадських формувань», стаття 27", FeeKind.FREE, null, "", 1,
                    "Виписка з Єдиного державного реєстру", "Невідповідність документів вимогам закону; заявник вже"
                            + " зареєстрований підприємцем", DESK_DIIA, "Нерухомість і бізнес",
                    doc("Заява про державну реєстрацію фізичної особи-підприємця (форма 1)", DocumentKind.OTHER,
                            DocumentCondition.ALWAYS, true), PASSPORT, TAX_CARD, PROXY),
            card("ZV-01", "Надання дозволу на розроблення проєкту землеустрою щодо відведення земельної ділянки",
                    ProviderKind.COUNCIL_UNIT, LAND, "zemelnyi", "Земельний кодекс України, статті 118, 123",
                    FeeKind.FREE, null, "", 22, "Рішення міської ради про надання дозволу",
                    "Невідповідність місця розташування ділянки вимогам законів і містобудівної документації",
                    DESK_MAIL, "Земельні питання",
                    doc("Клопотання", DocumentKind.OTHER, DocumentCondition.ALWAYS, true),
                    doc("Графічні матеріали з бажаним місцем розташування земельної ділянки", DocumentKind.OTHER,
                            DocumentCondition.ALWAYS, false), PASSPORT, TAX_CARD,
                    doc("Копії установчих документів юридичної особи", DocumentKind.OTHER, DocumentCondition.LEGAL_ENTITY,
                            false), REPRESENTATIVE, PROXY));

    private ShippedCards() {
    }

    /** @return whether anything was written (false: the community has cards already) */
    public static boolean seedIfNew(Connection c) throws SQLException {
        // two first uses at once: the second waits here and then finds the first one's rows
        Statements.first(c, "SELECT pg_advisory_xact_lock(hashtext('crm.shipped-cards'))", rs -> true);
        if (Statements.first(c, "SELECT 1 FROM " + CardStore.TABLE + " LIMIT 1", rs -> true).isPresent()) {
            return false;
        }
        Instant now = Instant.now();
        for (ServiceCard card : CARDS) {
            long id = CardStore.insert(c, card);
            CardStore.snapshot(c, id, SAVED_BY, now);
        }
        return true;
    }

    /** How many cards a community starts with (for tests and the log). */
    public static int size() {
        return CARDS.size();
    }
}
