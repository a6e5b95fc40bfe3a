package io.github.v0java.rx;

import io.github.v0java.PendingGeneration;
import io.github.v0java.PollListener;
import io.github.v0java.V0Exception;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.core.ObservableOnSubscribe;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.schedulers.Schedulers;

/** Adapts {@link PendingGeneration} polling to cold Rx sources that cancel on dispose. */
final class PollingObservables {
  /** Starts the generation (or attaches to it); called once per subscription. */
  interface Starter<T> {
    PendingGeneration<T> start();
  }

  private PollingObservables() {
  }

  static <T> Observable<T> states(final Starter<T> starter) {
    return Observable.create(new ObservableOnSubscribe<T>() {
      @Override public void subscribe(final ObservableEmitter<T> emitter) {
        final PendingGeneration<T> pending = starter.start();
        emitter.setCancellable(new io.reactivex.rxjava3.functions.Cancellable() {
          @Override public void cancel() {
            pending.cancel();
          }
        });
        try {
          pending.await(new PollListener<T>() {
            @Override public void onProgress(T state) {
              emitter.onNext(state);
            }
          });
          emitter.onComplete();
        } catch (V0Exception e) {
          // After a dispose the cancellation is expected, and must not reach RxJava's global
          // error handler (on Android that crashes the app).
          if (!emitter.isDisposed()) emitter.tryOnError(e);
        }
      }
    }).subscribeOn(Schedulers.io());
  }

  static <T> Single<T> finalState(Starter<T> starter) {
    return states(starter).lastOrError();
  }
}
