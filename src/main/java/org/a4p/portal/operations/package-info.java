/**
 * What operators see and what keeps several instances in step: the request id of every request (in
 * every log line, on error pages, in the {@code X-Request-Id} response header), the defaults of the
 * metrics on the management port, and the locks of jobs that must run once however many instances are
 * up (ShedLock: {@code @Scheduled} with {@code @SchedulerLock}). See docs/operations.md.
 */
@NullMarked
package org.a4p.portal.operations;

import org.jspecify.annotations.NullMarked;
