package ua.hromada.portal.api.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends a request to an address someone typed, as carefully as a server must: the scheme is http or
 * https and the address has no user name; the host is resolved once and every address it resolves
 * to must be public or in the policy's networks, and the connection goes to that checked address
 * (no second lookup a rebinding DNS server could answer differently) while the Host header, TLS SNI
 * and the certificate check still use the name; redirects are followed here, at most
 * {@link OutboundPolicy#maxRedirects()}, each target checked the same way (GET and HEAD follow 301,
 * 302, 303, 307 and 308, other methods only 307 and 308 with the same body). The caller's thread
 * waits for the answer and reads its body (the network I/O itself runs on the core's job service).
 *
 * <p>Timeouts: {@link OutboundPolicy#connectTimeout()} for each connection
 * ({@link java.net.http.HttpConnectTimeoutException}); the request's {@code timeout()}, else the
 * policy's, for the answer's head and for each wait for body bytes
 * ({@link java.net.http.HttpTimeoutException}); {@link OutboundPolicy#timeout()} for the whole
 * exchange when set. The body is read from the connection as the caller reads it (close it to drop
 * the rest); more than {@link OutboundPolicy#maxBytes()} of it fails with
 * {@link OutboundRefusedException.Reason#TOO_LARGE}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OutboundHttp {

    /**
     * @throws OutboundRefusedException the address, or a redirect's, is not allowed (nothing was sent
     *                                  to it), or the body is larger than allowed
     * @throws java.net.UnknownHostException the host has no address
     */
    HttpResponse<InputStream> send(HttpRequest request, OutboundPolicy policy) throws IOException, InterruptedException;
}
