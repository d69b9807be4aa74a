package org.opendws.snapshot.mock.request;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.function.BiConsumer;

/**
 * What the gateway's checks read of a request: its method, path, query and headers. Both HTTP
 * layers of the mock give it: Tomcat's ({@link #of(HttpServletRequest)}) and the front's, which
 * answers plain creates on the thread that read them ({@code front} package).
 */
public interface RequestHead {
    /** The method, e.g. {@code POST}. */
    String method();

    /** The path as sent, not decoded. */
    String path();

    /** The query as sent, or null. */
    String query();

    /** The first value of a header (name in any case), or null. */
    String header(String name);

    /** Each header as sent (name in its own case), in order. */
    void forEachHeader(BiConsumer<String, String> action);

    /** The head of a servlet request. */
    static RequestHead of(HttpServletRequest request) {
        return new RequestHead() {
            @Override
            public String method() {
                return request.getMethod();
            }

            @Override
            public String path() {
                return request.getRequestURI();
            }

            @Override
            public String query() {
                return request.getQueryString();
            }

            @Override
            public String header(String name) {
                return request.getHeader(name);
            }

            @Override
            public void forEachHeader(BiConsumer<String, String> action) {
                for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
                    String name = names.nextElement();
                    for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                        action.accept(name, values.nextElement());
                    }
                }
            }
        };
    }
}
