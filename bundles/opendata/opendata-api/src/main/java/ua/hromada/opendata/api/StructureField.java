package ua.hromada.opendata.api;

/** A column of a dataset's table as declared in its structure. */
public record StructureField(String name, String title, String type, boolean required) {
}
