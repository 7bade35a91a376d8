package ua.hromada.crm.ui.cards;

import java.util.List;

import ua.hromada.crm.api.CardImport;
import ua.hromada.crm.api.CardTransfer;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.upload.ImportCheckDialog;

/**
 * Import of a CSV or XLSX file of cards (portal-ui's import dialog): read and checked first (how
 * many new cards and new versions, each row's problems), applied whole only when it has none.
 */
class CardImportDialog extends ImportCheckDialog<CardImport> {
    private static final long serialVersionUID = 1L;
    private static final Setup SETUP = new Setup("cards-import", "cards-upload", "crm.card.ui.import.",
            "crm.card.ui.close", "min(860px, 100vw)", List.of(CardTransfer.COLUMNS), CardTransfer.MAX_IMPORT_BYTES);

    CardImportDialog(CardTransfer transfer, PortalUser user, Runnable imported) {
        super(SETUP, (name, content) -> transfer.preview(user, name, content), cards -> transfer.apply(user, cards),
                cards -> new Outcome(cards.created(), cards.updated(), cards.applicable(), cards.problems().stream()
                        .map(p -> new Problem(p.row(), p.column(), p.messageKey(), p.args())).toList()),
                imported);
    }
}
