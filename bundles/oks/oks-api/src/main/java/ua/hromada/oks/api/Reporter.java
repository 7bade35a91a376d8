package ua.hromada.oks.api;

/** A resident who reported the violation through a residents' app (Open311); all optional. */
public record Reporter(String email, String firstName, String lastName, String phone, String deviceId) {
}
