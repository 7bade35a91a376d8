package ua.hromada.eservices.ui;

import ua.hromada.eservices.api.EservicesPermissions;
import ua.hromada.portal.api.PortalUser;

/** Constants the module's page contributions share: the menu section and the permissions of pages. */
public final class EservicesUi {
    /** Menu section, titled {@code menu.section.eservices}. */
    public static final String SECTION = "eservices";
    /** The appeals pages: a unit's handler or the manager. */
    public static final String APPEALS = EservicesPermissions.APPEALS + PortalUser.ANY_OF + EservicesPermissions.MANAGE;
    /** The catalogue's editor and link monitor. */
    public static final String CATALOGUE = EservicesPermissions.CATALOGUE;
    /** Units and topics. */
    public static final String MANAGE = EservicesPermissions.MANAGE;

    /** Public: the e-appeal form (no account). */
    public static final String APPEAL_FORM_ROUTE = "zvernennia";
    /** Public: the applicant's cabinet, opened by the e-mailed link {@code ?token=}. */
    public static final String CABINET_ROUTE = "zvernennia/kabinet";
    /** Public: public appeals and their answers, without personal data. */
    public static final String PUBLIC_APPEALS_ROUTE = "zvernennia/publichni";
    /** Employees: the inbox of the user's units. */
    public static final String INBOX_ROUTE = "eservices/appeals";
    /** Employees: an appeal's card, {@link #APPEAL_PREFIX} + id. */
    public static final String APPEAL_ROUTE = "eservices/appeal/:id";
    public static final String APPEAL_PREFIX = "eservices/appeal/";
    /** Employees: statistics by month, topic and unit. */
    public static final String STATISTICS_ROUTE = "eservices/appeals/statistics";
    /** Managers: units and appeal topics. */
    public static final String UNITS_ROUTE = "eservices/units";
    public static final String TOPICS_ROUTE = "eservices/topics";

    private EservicesUi() {
    }
}
