package ua.hromada.crm.api;

import java.util.List;

/**
 * Why a row of a card import cannot be taken: the row's number in the file (the header is row 1;
 * 0 for the file as a whole), the column, and a message key of the module with its arguments.
 */
public record CardImportProblem(int row, String column, String messageKey, List<Object> args) {

    public CardImportProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
