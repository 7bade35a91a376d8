package ua.hromada.docsearch.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import ua.hromada.docsearch.ui.api.SearchParams.BadParameter;

/** How the documents API tells a client's error from its own (issue 10, finding 7). */
class DocumentsApiLimitsTest {

    /** Jetty 12 wraps a part over maxFileSize as "bad multipart" around "max file size exceeded". */
    @Test
    void aPartOverTheLimitIsRecognisedInsideJettysBadMultipart() {
        ServletException jetty = new ServletException("bad multipart",
                new RuntimeException("400: bad multipart", new IllegalStateException("max file size exceeded: 52428800")));
        assertTrue(DocumentsApi.overLimit(jetty));
        assertFalse(DocumentsApi.overLimit(new ServletException("bad multipart", new IOException("Incomplete boundary"))));
        assertFalse(DocumentsApi.overLimit(new IOException("Connection reset")));
    }

    /** {@code q=%zz}: the container throws when the parameters are first parsed; that is a 400. */
    @Test
    void malformedPercentEncodingIsABadParameter() {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getParameterMap")) {
                        throw new IllegalArgumentException("Not valid encoding '%zz'");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        BadParameter e = assertThrows(BadParameter.class, () -> DocumentsApi.parameters(request));
        assertEquals("parameters.malformed", e.code());
    }
}
