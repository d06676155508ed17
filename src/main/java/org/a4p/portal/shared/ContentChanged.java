package org.a4p.portal.shared;

/**
 * Published inside a write's transaction when the write changes what pages show (every audited write
 * does). Listeners that act only once the change is visible (clearing cached pages) listen after commit;
 * nothing is announced for a write that rolls back.
 * @param what the kind of record changed, e.g. {@code endorsement} (for logs and tests)
 */
public record ContentChanged(String what) {
}
