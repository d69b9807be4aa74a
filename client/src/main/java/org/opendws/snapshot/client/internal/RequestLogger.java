package org.opendws.snapshot.client.internal;

import feign.Logger;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;

/**
 * Feign's request and response logging, to SLF4J at INFO on logger
 * {@code org.opendws.snapshot.client.http}. Credential headers are never written: the client adds
 * them after this logger has seen the request, and they are filtered here as well.
 */
final class RequestLogger extends Logger {
    static final String NAME = "org.opendws.snapshot.client.http";
    private static final Set<String> SECRET_HEADERS = secretHeaders();

    private final org.slf4j.Logger log = LoggerFactory.getLogger(NAME);

    @Override
    protected boolean shouldLogRequestHeader(String header) {
        return !SECRET_HEADERS.contains(header);
    }

    @Override
    protected boolean shouldLogResponseHeader(String header) {
        return !SECRET_HEADERS.contains(header);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (log.isInfoEnabled()) {
            log.info(String.format(methodTag(configKey) + format, args));
        }
    }

    private static Set<String> secretHeaders() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(Set.of("Authorization", "X-Auth-Token", "X-Security-Token", "Cookie", "Set-Cookie"));
        return names;
    }
}
