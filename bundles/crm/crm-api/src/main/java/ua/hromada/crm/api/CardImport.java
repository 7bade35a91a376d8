package ua.hromada.crm.api;

import java.util.List;

/**
 * What a card import file would do, read but not applied: the cards it describes (matched by local
 * code: {@code created} new ones, {@code updated} new versions of existing ones) and the problems
 * of its rows. It is applied only whole and only without problems.
 */
public record CardImport(String fileName, List<ServiceCard> cards, int created, int updated,
        List<CardImportProblem> problems) {

    public CardImport {
        cards = List.copyOf(cards);
        problems = List.copyOf(problems);
    }

    public boolean applicable() {
        return problems.isEmpty() && !cards.isEmpty();
    }
}
