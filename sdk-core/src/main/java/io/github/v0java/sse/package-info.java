/**
 * A Server-Sent Events reader over an Okio source: events are returned the moment the blank
 * line that ends them arrives, with a bound on the size of one event.
 *
 * <p>Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.github.v0java.sse;

import org.jspecify.annotations.NullMarked;
