package ua.hromada.crm.api;

/** A label a classifier gives a text, with its confidence 0–1 (the labels' scores of one text sum to at most 1). */
public record LabelScore(String label, double score) {
}
