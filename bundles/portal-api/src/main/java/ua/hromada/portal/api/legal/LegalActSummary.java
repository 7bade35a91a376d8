package ua.hromada.portal.api.legal;

import java.time.LocalDate;

/**
 * An act as a picker shows it.
 *
 * @param id     the act's id in the document-search module (what a module stores)
 * @param kind   the kind's name in the community's language, e.g. "Рішення"; may be null
 * @param number as written on the act, without a leading "№", e.g. "790"
 * @param date   the act's date; may be null
 * @param route  the act's page for anyone (relative to the portal's root), e.g. "dokumenty/12"
 */
public record LegalActSummary(long id, String kind, String number, LocalDate date, String title, String route) {
}
