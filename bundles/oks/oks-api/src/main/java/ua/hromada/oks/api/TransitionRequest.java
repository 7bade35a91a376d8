package ua.hromada.oks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A workflow step asked for by a user.
 *
 * @param executorId required for SENT and REDIRECTED
 * @param deadline   required for SENT (unless the card has one) and EXTENDED; optional for RETURNED
 * @param comment    required for RETURNED, DISPUTED and REDIRECTED
 */
public record TransitionRequest(ActionKind kind, String comment, Long executorId, LocalDate deadline,
        List<PhotoUpload> photos) {

    public TransitionRequest {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    public static TransitionRequest of(ActionKind kind) {
        return new TransitionRequest(kind, null, null, null, List.of());
    }
}
