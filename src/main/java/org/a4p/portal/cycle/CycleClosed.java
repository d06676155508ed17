package org.a4p.portal.cycle;

/**
 * Published in the transaction that closes a reporting cycle, before it commits: listeners that must
 * record something as part of the close (the publication of what the public sees) do it in the same
 * transaction, so a cycle is never closed without it.
 */
public record CycleClosed(long cycleId, String cycleCode) {
}
