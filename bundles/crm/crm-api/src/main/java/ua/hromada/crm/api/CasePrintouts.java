package ua.hromada.crm.api;

import ua.hromada.portal.api.PortalUser;

/**
 * The case's papers as PDF (Ukrainian, the font embedded): the inventory of the documents received
 * («Опис вхідного пакета документів») and the receipt given to the applicant («Розписка»). Whoever
 * may see the case may print them.
 */
public interface CasePrintouts {

    /** «Опис вхідного пакета документів»: the checklist with received, original or copy, and signature lines. */
    byte[] inventory(PortalUser user, long caseId);

    /** «Розписка про прийняття заяви»: number, date, service, deadline, the centre's contacts, how to get the result. */
    byte[] receipt(PortalUser user, long caseId);
}
