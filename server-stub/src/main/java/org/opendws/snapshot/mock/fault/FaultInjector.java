package org.opendws.snapshot.mock.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.opendws.snapshot.mock.error.ServiceError;
import org.opendws.snapshot.mock.spec.OpenApiDocument;

/**
 * Decides when an authenticated request to an operation answers a fault instead of doing its
 * work: planned faults (admin API: the next N requests answer a status) first, then a random
 * share of requests ({@code dws.mock.fault.rate} of them, a status drawn from
 * {@code dws.mock.fault.statuses}). A fault is only ever a status the operation documents: a
 * planned one waits for the next request to an operation that documents it, a random one is
 * drawn among the statuses the operation documents. Bodies are the operation's own examples in
 * the document (none for an answer the document gives no body, such as a delete's 202).
 * Thread-safe.
 */
public final class FaultInjector {
    private final OpenApiDocument document;
    private final double rate;
    private final List<Integer> statuses;
    private final AtomicReference<Planned> planned = new AtomicReference<>();

    /**
     * A planned fault.
     *
     * @param status    the status to answer
     * @param remaining how many more requests answer it
     */
    public record Planned(int status, int remaining) {}

    /** Random faults at {@code rate} (0 to 1) with one of {@code statuses}, each documented. */
    public FaultInjector(OpenApiDocument document, double rate, List<Integer> statuses) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("dws.mock.fault.rate must be between 0.0 and 1.0, got " + rate);
        }
        if (rate > 0 && statuses.isEmpty()) {
            throw new IllegalArgumentException(
                    "dws.mock.fault.statuses must not be empty when dws.mock.fault.rate > 0");
        }
        statuses.forEach(status -> requireDocumented(document, status, "dws.mock.fault.statuses"));
        this.document = document;
        this.rate = rate;
        this.statuses = List.copyOf(statuses);
    }

    /**
     * Makes the next {@code count} authenticated requests to operations that document
     * {@code status} answer it.
     *
     * @throws IllegalArgumentException when the status is not documented or count is not positive
     */
    public Planned plan(int status, int count) {
        requireDocumented(document, status, "status");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Planned plan = new Planned(status, count);
        planned.set(plan);
        return plan;
    }

    /** The planned fault, or null. */
    public Planned planned() {
        return planned.get();
    }

    /** Cancels the planned fault. */
    public void clear() {
        planned.set(null);
    }

    /**
     * The status the next authenticated request to {@code operation} must answer instead of
     * doing its work, or null.
     */
    public Integer next(OpenApiDocument.Operation operation) {
        while (true) {
            Planned plan = planned.get();
            if (plan == null || !operation.documents(plan.status)) {
                break;
            }
            if (planned.compareAndSet(
                    plan, plan.remaining <= 1 ? null : new Planned(plan.status, plan.remaining - 1))) {
                return plan.status;
            }
        }
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            List<Integer> documented =
                    statuses.stream().filter(operation::documents).toList();
            return documented.isEmpty()
                    ? null
                    : documented.get(ThreadLocalRandom.current().nextInt(documented.size()));
        }
        return null;
    }

    /**
     * The document's example body of a status of the operation, its {@code request_id} set to
     * this request's; null when the document gives that answer no body.
     *
     * @param operation the operation
     * @param status    a documented status
     * @param name      the example's name, or null for the first one
     * @param requestId this request's id
     * @throws ServiceError 400 when the status is not documented or has no such example
     */
    public Object example(OpenApiDocument.Operation operation, int status, String name, String requestId) {
        if (!operation.documents(status)) {
            throw ServiceError.invalid("Prefer: code=" + status + " is not a documented status of this operation "
                    + "(documented: " + operation.statuses() + ")");
        }
        Map<String, Object> examples = operation.responses().get(status);
        if (name != null && !examples.containsKey(name)) {
            throw ServiceError.invalid("Prefer: example=" + name + " is not an example of status " + status
                    + " (examples: " + examples.keySet() + ")");
        }
        if (examples.isEmpty()) {
            return null;
        }
        Object example =
                name != null ? examples.get(name) : examples.values().iterator().next();
        if (example instanceof Map<?, ?> map && map.containsKey("request_id")) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put("request_id", requestId);
            return copy;
        }
        return example;
    }

    private static void requireDocumented(OpenApiDocument document, int status, String what) {
        if (document.operations().stream().noneMatch(o -> o.documents(status))) {
            throw new IllegalArgumentException(what + ": " + status + " is not a documented status of any operation "
                    + "(documented: " + documented(document) + ")");
        }
    }

    private static java.util.SortedSet<Integer> documented(OpenApiDocument document) {
        java.util.SortedSet<Integer> all = new java.util.TreeSet<>();
        document.operations().forEach(o -> all.addAll(o.statuses()));
        return all;
    }
}
