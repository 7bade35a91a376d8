package ua.hromada.portal.outbound;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import javax.net.ssl.SSLSession;

/** One answer read from a pinned connection, in the JDK's response type the callers already handle. */
record Answer(int statusCode, HttpRequest request, HttpHeaders headers, InputStream body, URI uri,
        Optional<SSLSession> sslSession) implements HttpResponse<InputStream> {

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
