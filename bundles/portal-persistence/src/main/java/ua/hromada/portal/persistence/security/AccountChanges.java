package ua.hromada.portal.persistence.security;

import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Component;

/**
 * Counts the changes to accounts and roles made on this node that can take access away (an
 * account disabled or edited, a role's grants changed or removed). Sessions compare it with the
 * value they last read their user at and re-read the user from the database when it moved; the
 * database stays the truth, this only says when reading it again is worth it.
 */
@Component(service = AccountChanges.class)
public class AccountChanges {
    private final AtomicLong count = new AtomicLong();

    /** Called after the change committed, so a re-read triggered by it sees the change. */
    void changed() {
        count.incrementAndGet();
    }

    long count() {
        return count.get();
    }
}
