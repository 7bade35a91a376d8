package ua.hromada.crm.api;

import java.time.LocalDate;

/**
 * A person or an organisation applying for services. For a person: names, birth date, РНОКПП
 * ({@code taxNumber}, may be empty for those who refused it on religious grounds), the identity
 * document; for an organisation: its name and ЄДРПОУ, the names being its representative's.
 *
 * @param id           0 for a new applicant
 * @param registryNumber the ЄДДР record number read from an ID card; may be empty
 * @param version      optimistic-locking version the form loaded
 */
public record Applicant(long id, ApplicantKind kind, String lastName, String firstName, String patronymic,
        LocalDate birthDate, String taxNumber, IdentityDocumentType documentType, String documentNumber,
        LocalDate documentExpiry, String registryNumber, String organisationName, String edrpou, String phone,
        String email, String address, long version) {

    /** The name as the centre's papers print it: the organisation's, else «Прізвище Ім'я По батькові». */
    public String displayName() {
        if (kind == ApplicantKind.ORGANISATION && organisationName != null && !organisationName.isBlank()) {
            return organisationName;
        }
        return String.join(" ", java.util.stream.Stream.of(lastName, firstName, patronymic)
                .filter(s -> s != null && !s.isBlank()).toList());
    }
}
