/**
 * The v0 client: {@link io.github.v0java.V0Client} and its resource groups, streaming
 * ({@link io.github.v0java.EventStream}, {@link io.github.v0java.MessageState}), polling
 * ({@link io.github.v0java.PendingGeneration}) and the typed exceptions.
 *
 * <p>Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.github.v0java;

import org.jspecify.annotations.NullMarked;
