package ua.hromada.eservices.service.appeals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ua.hromada.eservices.api.FormTicket;

/**
 * The public form's tokens: {@code <payload>.<HMAC-SHA256>}, the payload naming a random nonce, the
 * community, the issue time and the question's numbers. The key is random per start of the intake
 * (a form opened before a restart is opened again).
 */
final class FormTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a genuine token says. */
    record Claims(String nonce, String community, Instant issuedAt, int left, int right) {
    }

    private final SecureRandom random;
    private final byte[] key = new byte[32];

    FormTokens(SecureRandom random) {
        this.random = random;
        random.nextBytes(key);
    }

    FormTicket issue(String community, Instant now) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        int left = 1 + random.nextInt(9);
        int right = 1 + random.nextInt(9);
        String payload = String.join("|", HexFormat.of().formatHex(nonce), community,
                Long.toString(now.toEpochMilli()), Integer.toString(left), Integer.toString(right));
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return new FormTicket(encoded + "." + B64.encodeToString(mac(encoded)), left, right, now);
    }

    /** The claims of a token this intake signed; empty for anything else (forged, changed, garbled). */
    Optional<Claims> verify(String token) {
        if (token == null || token.length() > 500) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String encoded = token.substring(0, dot);
            byte[] signature = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(encoded))) {
                return Optional.empty();
            }
            String[] p = new String(B64D.decode(encoded), StandardCharsets.UTF_8).split("\\|");
            return Optional.of(new Claims(p[0], p[1], Instant.ofEpochMilli(Long.parseLong(p[2])), Integer.parseInt(p[3]),
                    Integer.parseInt(p[4])));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
