package ua.hromada.crm.api;

/**
 * Permission keys of the CRM module, one per role of the centre. A back-office unit's executors
 * share the unit's portal role ({@link ServiceCard#providerRole()}): the cases handed over to a
 * unit are the cases of the users holding that role.
 */
public final class CrmPermissions {
    /** ЦНАП administrator: applicants, cases at the front desk, verification and overrides, the queue. */
    public static final String ADMINISTRATOR = "crm.administrator";
    /** Back-office executor: the cases handed over to the user's units; result ready or refused. */
    public static final String BACK_OFFICE = "crm.backoffice";
    /** Head of ЦНАП: service cards, every case, analytics and shift planning. */
    public static final String HEAD = "crm.head";

    private CrmPermissions() {
    }
}
