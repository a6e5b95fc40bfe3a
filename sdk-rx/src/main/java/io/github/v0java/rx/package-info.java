/**
 * RxJava 3 views of the v0 client: cold {@code Observable}s, {@code Single}s and
 * {@code Flowable}s that start a request on subscription and cancel it on dispose.
 *
 * <p>Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.github.v0java.rx;

import org.jspecify.annotations.NullMarked;
