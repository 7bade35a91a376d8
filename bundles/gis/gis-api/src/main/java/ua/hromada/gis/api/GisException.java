package ua.hromada.gis.api;

import java.util.List;

import ua.hromada.portal.api.PortalException;

/**
 * A refused GIS request. The message key and arguments come from the module's resource bundle
 * ({@code i18n/gis}); an invalid object also carries {@link #errors()}: one entry per attribute
 * (or the geometry) that failed, with the row of a batch, so a form marks its fields and an import
 * preview lists its rows.
 */
public class GisException extends PortalException {

    private final List<ValidationError> errors;

    public GisException(Reason reason, String messageKey, Object... args) {
        super(reason, messageKey, args);
        this.errors = List.of();
    }

    /** {@code INVALID} with the errors found ({@code gis.error.invalid}). */
    public GisException(List<ValidationError> errors) {
        super(Reason.INVALID, "gis.error.invalid", errors.size());
        this.errors = List.copyOf(errors);
    }

    /** The fields that failed; empty for refusals that are not about a field. */
    public List<ValidationError> errors() {
        return errors;
    }
}
