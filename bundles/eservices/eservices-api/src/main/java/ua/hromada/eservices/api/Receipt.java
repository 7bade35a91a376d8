package ua.hromada.eservices.api;

import java.time.LocalDate;

/** What the applicant is told after sending: the registration number and the answer's deadline. */
public record Receipt(String number, LocalDate deadline) {
}
