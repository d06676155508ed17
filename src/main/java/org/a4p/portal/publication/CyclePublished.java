package org.a4p.portal.publication;

/**
 * Published in the transaction that records a publication of a reporting cycle (its close, or an
 * administrator's republish), before it commits. A listener that keeps something per publication (the
 * dataset's stored file) does its work after the commit ({@code @TransactionalEventListener}), when the
 * publication is there for every reader.
 *
 * @param publicationId the new publication, in force from the commit on
 * @param cycleId its reporting cycle
 */
public record CyclePublished(long publicationId, long cycleId) {
}
