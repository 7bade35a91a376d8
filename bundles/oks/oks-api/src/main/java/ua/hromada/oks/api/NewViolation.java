package ua.hromada.oks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * What an inspector (or a resident's app) submits to register a violation.
 *
 * @param deadline optional; the service applies the configured default when null
 * @param violator optional
 */
public record NewViolation(long typeId, String description, String address, Double latitude,
        Double longitude, Urgency urgency, LocalDate deadline, Violator violator, List<PhotoUpload> photos) {

    public NewViolation {
        photos = photos == null ? List.of() : List.copyOf(photos);
        urgency = urgency == null ? Urgency.NORMAL : urgency;
    }
}
