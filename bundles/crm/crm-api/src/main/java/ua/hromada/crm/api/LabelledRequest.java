package ua.hromada.crm.api;

/** A request in the applicant's words with the label it was routed to (a training example). */
public record LabelledRequest(String text, String label) {
}
