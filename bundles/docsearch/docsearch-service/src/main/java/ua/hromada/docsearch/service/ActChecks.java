package ua.hromada.docsearch.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import ua.hromada.docsearch.api.ActDraft;
import ua.hromada.docsearch.api.ActKind;
import ua.hromada.docsearch.api.DuplicateActException;
import ua.hromada.docsearch.api.ValidationException;
import ua.hromada.docsearch.service.store.ActStore;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.Versioned;

/**
 * The checks a change of an act passes: the draft's rules against the community's kinds, and, in
 * the change's transaction, the row still at the form's version, links to other acts that exist,
 * and no second act of the same kind, number and date. Split from {@link LegalActRegistryImpl},
 * which runs the changes.
 */
final class ActChecks {
    private final ActStore store;
    /** The current community's kinds (cached), and forgetting them: a kind may have been added since. */
    private final Supplier<List<ActKind>> kinds;
    private final Runnable forgetKinds;

    ActChecks(ActStore store, Supplier<List<ActKind>> kinds, Runnable forgetKinds) {
        this.store = store;
        this.kinds = kinds;
        this.forgetKinds = forgetKinds;
    }

    /** The draft's errors by field; {@code today}: a date after it is refused. */
    Map<String, String> draftErrors(ActDraft draft, LocalDate today) {
        Set<String> codes = kinds.get().stream().map(ActKind::code).collect(Collectors.toSet());
        if (draft != null && draft.kindCode() != null && !codes.contains(draft.kindCode())) {
            forgetKinds.run(); // a kind added since: look again
            codes = kinds.get().stream().map(ActKind::code).collect(Collectors.toSet());
        }
        return ActValidator.check(draft, codes, today);
    }

    /** The row is locked at the version the form loaded: a later save over it is refused. */
    static void lockAt(Connection c, long id, long version) throws SQLException {
        if (!Versioned.lock(c, ActStore.ACT_TABLE, id, version)) {
            throw new NoSuchElementException("act " + id);
        }
    }

    /** {@code self}: the act being saved, null for a new one. */
    void linksAndDuplicate(Connection c, ActDraft draft, Long self) throws SQLException {
        checkLinks(c, self, draft.links());
        refuseDuplicate(c, draft, self);
    }

    /**
     * A register holds each act once: another act of the same kind with the same number and date
     * refuses the save, naming that act. The advisory lock makes concurrent saves of one key take
     * turns, so two imports of the same archive cannot both insert it.
     */
    private void refuseDuplicate(Connection c, ActDraft draft, Long self) throws SQLException {
        String normalized = ActNumbers.normalize(draft.number());
        store.lockNumber(c, draft.kindCode(), normalized, draft.date());
        Optional<ActStore.Existing> same = store.findSame(c, draft.kindCode(), normalized, draft.date(), self);
        if (same.isPresent()) {
            ActStore.Existing e = same.get();
            throw new DuplicateActException(e.id(), e.number(), DisplayFormats.DATE.format(e.date()), e.title());
        }
    }

    private void checkLinks(Connection c, Long self, List<ActDraft.Link> links) throws SQLException {
        if (links == null) {
            return;
        }
        for (ActDraft.Link link : links) {
            if (link == null || link.type() == null) {
                throw new ValidationException(Map.of("links", MessageKeys.LINK_UNKNOWN));
            }
            if (self != null && link.targetActId() == self) {
                throw new ValidationException(Map.of("links", MessageKeys.LINK_SELF));
            }
            if (!store.exists(c, link.targetActId())) {
                throw new ValidationException(Map.of("links", MessageKeys.LINK_UNKNOWN));
            }
        }
    }
}
