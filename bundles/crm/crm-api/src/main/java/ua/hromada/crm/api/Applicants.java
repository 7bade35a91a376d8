package ua.hromada.crm.api;

import java.util.List;
import java.util.Optional;

import ua.hromada.portal.api.PortalUser;

/**
 * The community's applicants. Registering and editing need {@link CrmPermissions#ADMINISTRATOR};
 * identifiers are checked by their check digits and a person's birth date against the РНОКПП.
 */
public interface Applicants {

    /**
     * Registers a new applicant ({@code id} 0) or saves changes; invalid fields → {@link CrmException}
     * with field errors (and their arguments). A probable duplicate ({@link #duplicates}) is refused
     * with CONFLICT {@code crm.applicant.error.duplicate} unless {@code duplicateConfirmed}: the
     * employee has seen the matches and saves anyway.
     */
    Applicant save(PortalUser user, Applicant applicant, boolean duplicateConfirmed);

    /** {@link #save(PortalUser, Applicant, boolean)} refusing a probable duplicate. */
    default Applicant save(PortalUser user, Applicant applicant) {
        return save(user, applicant, false);
    }

    Optional<Applicant> get(PortalUser user, long id);

    /** Applicants whose name, РНОКПП, ЄДРПОУ, document number or phone contains {@code text}. */
    List<Applicant> find(PortalUser user, String text, int offset, int limit);

    int count(PortalUser user, String text);

    /**
     * Registered applicants that are probably the same as {@code candidate} (same РНОКПП, ЄДРПОУ or
     * identity document; or same names and birth date), its own record excluded.
     */
    List<Applicant> duplicates(PortalUser user, Applicant candidate);
}
