package org.opendws.snapshot.mock;

/**
 * A planned fault, as {@link MockFaults} reports it: the next {@code remaining} authenticated
 * requests to operations that document {@code status} answer it, with the document's example
 * body of that status.
 *
 * @param status    the status they answer
 * @param remaining how many requests are still to answer it
 */
public record FaultPlan(int status, int remaining) {}
