package org.opendws.snapshot.mock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.opendws.snapshot.mock.auth.AuthMode;
import org.opendws.snapshot.mock.fault.Latency;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The mock's settings, plain Spring Boot properties under {@code dws.mock} (command line
 * {@code --dws.mock.auth=none}, environment {@code DWS_MOCK_AUTH=none}, ...).
 *
 * @param auth         what is accepted as credentials: {@code aksk} (AK/SK signatures and IAM
 *                     tokens, the default), {@code token} (IAM tokens only), {@code none}
 * @param world        a YAML world file to load instead of the default world, or null
 * @param maxClockSkew how far {@code X-Sdk-Date} may be from the server's clock
 * @param lockout      when an AK is locked after failed signatures
 * @param fault        random faults
 * @param latency      added response time of the operation, fixed or random; null for none
 * @param maxDelay     the bound of {@code Prefer: delay=<ms>}
 * @param maxSnapshots how many snapshots the mock stores at most (then 400 {@code DWS.0001})
 * @param journal      the journal of received requests
 * @param maxBodySize  the largest request body accepted (400 above, without reading it all)
 * @param accessLog    log one line per request (off by default, as in WireMock without
 *                     {@code --verbose}: the journal keeps the last requests)
 * @param snapshot     the snapshots' lifecycle
 */
@ConfigurationProperties("dws.mock")
public record MockProperties(
        @DefaultValue("aksk") AuthMode auth,
        Path world,
        @DefaultValue("15m") Duration maxClockSkew,
        @DefaultValue Lockout lockout,
        @DefaultValue Fault fault,
        Latency latency,
        @DefaultValue("30s") Duration maxDelay,
        @DefaultValue("1000000") long maxSnapshots,
        @DefaultValue Journal journal,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("false") boolean accessLog,
        @DefaultValue Snapshot snapshot) {

    /**
     * The snapshots' lifecycle.
     *
     * @param creationTime how long a new snapshot stays {@code CREATING} on the mock clock before
     *                     it is {@code AVAILABLE} (or {@code UNAVAILABLE}); short by default, so
     *                     that a first user sees one finish within seconds
     */
    public record Snapshot(@DefaultValue("5s") Duration creationTime) {}

    /**
     * AK lockout, like the gateway's.
     *
     * @param failures an AK is locked after more than this many failed signatures in a row
     * @param duration for this long
     */
    public record Lockout(
            @DefaultValue("5") int failures,
            @DefaultValue("5m") Duration duration) {}

    /**
     * Random faults of authenticated creates.
     *
     * @param rate     the share of requests that fail, 0.0 (never, the default) to 1.0 (always)
     * @param statuses the documented statuses to fail with, one drawn at random
     */
    public record Fault(
            @DefaultValue("0.0") double rate,
            @DefaultValue({"500", "503"}) List<Integer> statuses) {}

    /**
     * The journal.
     *
     * @param size how many requests it keeps (the oldest are dropped)
     */
    public record Journal(@DefaultValue("1000") int size) {}
}
