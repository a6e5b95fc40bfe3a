package io.github.v0java;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * The items of a cursor-paginated list, fetched lazily: a page is requested only when the items
 * of the previous one have been consumed, iteration stops after the last page, and an error of a
 * later page surfaces when that page is reached. Each {@link #iterator()} starts again from the
 * first page. {@link #pages()} walks whole pages instead.
 *
 * @param <P> the page type
 * @param <T> the item type
 */
public final class Paginated<P, T> implements Iterable<T> {
  /** Fetches pages and reads them. */
  interface Source<P, T> {
    /** Fetches the page after {@code cursor} (null for the first page). */
    P fetch(@Nullable String cursor);

    List<T> items(P page);

    /** The cursor of the next page, or null when {@code page} is the last. */
    @Nullable String nextCursor(P page);
  }

  private final Source<P, T> source;
  private final String firstCursor;

  Paginated(Source<P, T> source) {
    this(source, null);
  }

  private Paginated(Source<P, T> source, String firstCursor) {
    this.source = source;
    this.firstCursor = firstCursor;
  }

  /**
   * The same list, starting at the page {@code cursor} names (null for the first page).
   *
   * @param cursor a cursor from an earlier page's {@code nextCursor}, or null
   * @return a new list; this one is unchanged
   */
  public Paginated<P, T> startingAt(@Nullable String cursor) {
    return new Paginated<>(source, cursor);
  }

  /**
   * The items of {@code page}, never null.
   *
   * @param page a page this list fetched
   * @return the page's items, in the API's order
   */
  public List<T> items(P page) {
    List<T> items = source.items(page);
    return items != null ? items : Collections.<T>emptyList();
  }

  /**
   * The cursor of the page after {@code page}, or null when {@code page} is the last.
   *
   * @param page a page this list fetched
   * @return the cursor, or null
   */
  public @Nullable String nextCursor(P page) {
    return source.nextCursor(page);
  }

  /**
   * The pages, each fetched when the iteration reaches it.
   *
   * @return the pages, each fetched when the iteration reaches it
   */
  public Iterable<P> pages() {
    return new Iterable<P>() {
      @Override public Iterator<P> iterator() {
        return new PageIterator();
      }
    };
  }

  @Override public Iterator<T> iterator() {
    final PageIterator pages = new PageIterator();
    return new Iterator<T>() {
      private Iterator<T> current = Collections.<T>emptyList().iterator();

      @Override public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) return false;
          current = items(pages.next()).iterator();
        }
        return true;
      }

      @Override public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        return current.next();
      }

      @Override public void remove() {
        throw new UnsupportedOperationException();
      }
    };
  }

  private final class PageIterator implements Iterator<P> {
    private String cursor = firstCursor;
    private boolean finished;

    @Override public boolean hasNext() {
      return !finished;
    }

    @Override public P next() {
      if (finished) throw new NoSuchElementException();
      P page = source.fetch(cursor);
      String next = source.nextCursor(page);
      // A missing cursor ends the list; so does a cursor that repeats, which would loop forever.
      if (next == null || next.isEmpty() || next.equals(cursor)) finished = true;
      cursor = next;
      return page;
    }

    @Override public void remove() {
      throw new UnsupportedOperationException();
    }
  }
}
