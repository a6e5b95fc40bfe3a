package io.github.v0java.rx;

import io.reactivex.rxjava3.core.Emitter;
import io.reactivex.rxjava3.core.Flowable;
import java.util.Iterator;
import io.reactivex.rxjava3.functions.Supplier;

/** Backpressured Flowables over the core's lazy page iterators. */
final class PageFlowables {
  private PageFlowables() {
  }

  /**
   * Emits the iterator's items one per request; the iterator fetches a page only when its
   * items run out, so no page is fetched before it is requested.
   */
  static <T> Flowable<T> items(Supplier<Iterator<T>> iterators) {
    return Flowable.generate(iterators, new io.reactivex.rxjava3.functions.BiConsumer<Iterator<T>, Emitter<T>>() {
      @Override public void accept(Iterator<T> iterator, Emitter<T> emitter) {
        if (iterator.hasNext()) {
          emitter.onNext(iterator.next());
        } else {
          emitter.onComplete();
        }
      }
    });
  }
}
