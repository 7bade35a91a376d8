package ua.hromada.crm.api;

/**
 * The verification's catch by rule over the cases registered in a period.
 *
 * @param fired      findings of the rule
 * @param cases      cases it fired on
 * @param overridden findings an administrator overrode with a reason
 */
public record RuleFindings(String rule, long fired, long cases, long overridden) {
}
