package ua.hromada.crm.api;

/** A person (РНОКПП, identity document) or an organisation (ЄДРПОУ). */
public enum ApplicantKind {
    PERSON, ORGANISATION
}
