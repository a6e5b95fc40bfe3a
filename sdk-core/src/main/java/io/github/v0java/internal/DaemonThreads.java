package io.github.v0java.internal;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dispatcher;

/** Threads the SDK creates are daemons, so they never keep a finished program alive. */
public final class DaemonThreads {
  private DaemonThreads() {
  }

  /** A thread factory naming threads {@code prefix 1}, {@code prefix 2}, ... */
  public static ThreadFactory factory(final String prefix) {
    final AtomicInteger count = new AtomicInteger();
    return new ThreadFactory() {
      @Override public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, prefix + " " + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      }
    };
  }

  /**
   * An OkHttp dispatcher on daemon threads that runs up to {@code maxRequests} calls at once,
   * all of them possibly to one host (OkHttp's default of 5 per host would queue the sixth
   * concurrent stream to the v0 API).
   */
  public static Dispatcher dispatcher(int maxRequests) {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<Runnable>(), factory("v0 OkHttp Dispatcher"));
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(maxRequests);
    dispatcher.setMaxRequestsPerHost(maxRequests);
    return dispatcher;
  }
}
