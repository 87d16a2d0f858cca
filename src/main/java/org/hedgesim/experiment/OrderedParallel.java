package org.hedgesim.experiment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs tasks 0..n-1 on a fixed pool and hands their results to a consumer in task order, with at
 * most a bounded number of results waiting, so memory stays flat however many tasks there are and
 * the output does not depend on how many threads ran them.
 */
public final class OrderedParallel {

  /** Receives results in order. */
  public interface Sink<T> {
    void accept(int index, T result) throws Exception;
  }

  private OrderedParallel() {}

  public static <T> void run(int n, int threads, IntFunction<T> task, Sink<T> sink) throws Exception {
    if (threads <= 1 || n <= 1) {
      for (int i = 0; i < n; i++) sink.accept(i, task.apply(i));
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "hedgesim-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      int window = threads * 4;
      Deque<Future<T>> inFlight = new ArrayDeque<>();
      int next = 0;
      int done = 0;
      while (done < n) {
        while (next < n && inFlight.size() < window) {
          final int i = next++;
          inFlight.addLast(pool.submit(() -> task.apply(i)));
        }
        Future<T> head = inFlight.removeFirst();
        T result;
        try {
          result = head.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException re) throw re;
          if (cause instanceof Error err) throw err;
          throw new IllegalStateException(cause);
        }
        sink.accept(done++, result);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
