/**
 * An embeddable fake of the v0 API for tests and demos: {@link io.github.v0java.testing.FakeV0Server}
 * and the scripts of what it answers.
 *
 * <p>Everything is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package io.github.v0java.testing;

import org.jspecify.annotations.NullMarked;
