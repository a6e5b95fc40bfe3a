package io.github.v0java.rx;

import io.github.v0java.Cancellable;
import io.github.v0java.MessageState;
import io.github.v0java.StreamListener;
import io.github.v0java.V0Exception;
import io.github.v0java.model.Message;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableEmitter;
import io.reactivex.rxjava3.core.ObservableOnSubscribe;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleEmitter;
import io.reactivex.rxjava3.core.SingleOnSubscribe;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Adapts the core's listener streams to cold Observables and Singles that cancel on dispose. */
final class StreamObservables {
  /** Starts one stream call, delivering to the listener; called once per subscription. */
  interface Starter<E> {
    Cancellable start(StreamListener<E> listener);

    /**
     * Stops the generation on the server after a dispose, given the last state seen; does
     * nothing unless the caller opted in.
     */
    void stopAfterDispose(MessageState lastState);
  }

  private StreamObservables() {
  }

  /** What each event becomes downstream: the event itself, or the state after it. */
  private interface Projection<E, T> {
    T apply(E event, MessageState state);
  }

  static <E> Observable<E> events(Starter<E> starter) {
    return observe(starter, new Projection<E, E>() {
      @Override public E apply(E event, MessageState state) {
        return event;
      }
    });
  }

  static <E> Observable<MessageState> states(Starter<E> starter) {
    return observe(starter, new Projection<E, MessageState>() {
      @Override public MessageState apply(E event, MessageState state) {
        return state;
      }
    });
  }

  private static <E, T> Observable<T> observe(final Starter<E> starter,
      final Projection<E, T> projection) {
    return Observable.create(new ObservableOnSubscribe<T>() {
      @Override public void subscribe(final ObservableEmitter<T> emitter) {
        final AtomicReference<MessageState> last = new AtomicReference<>();
        final AtomicBoolean ended = new AtomicBoolean();
        final Cancellable cancellable = starter.start(new StreamListener<E>() {
          @Override public void onEvent(E event, MessageState state) {
            last.set(state);
            emitter.onNext(projection.apply(event, state));
          }

          @Override public void onComplete(MessageState finalState) {
            ended.set(true);
            emitter.onComplete();
          }

          @Override public void onFailure(V0Exception failure) {
            ended.set(true);
            emitter.tryOnError(failure);
          }
        });
        emitter.setCancellable(new io.reactivex.rxjava3.functions.Cancellable() {
          @Override public void cancel() {
            cancellable.cancel();
            if (!ended.get() && last.get() != null) starter.stopAfterDispose(last.get());
          }
        });
      }
    });
  }

  static <E> Single<Message> finalMessage(final Starter<E> starter) {
    return Single.create(new SingleOnSubscribe<Message>() {
      @Override public void subscribe(final SingleEmitter<Message> emitter) {
        final Cancellable cancellable = starter.start(new StreamListener<E>() {
          @Override public void onComplete(MessageState finalState) {
            emitter.onSuccess(finalState.toMessage());
          }

          @Override public void onFailure(V0Exception failure) {
            emitter.tryOnError(failure);
          }
        });
        emitter.setCancellable(cancelling(cancellable));
      }
    });
  }

  private static io.reactivex.rxjava3.functions.Cancellable cancelling(
      final Cancellable cancellable) {
    return new io.reactivex.rxjava3.functions.Cancellable() {
      @Override public void cancel() {
        cancellable.cancel();
      }
    };
  }
}
