package dev.migrate.collect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the calls every client makes, by IAM action; it also refuses, before anything is
 * sent, any action that is not declared by a collector or is not read-only, so the tool can
 * never mutate an account even by a coding mistake.
 */
final class CallLog implements ExecutionInterceptor {
  private final Map<String, LongAdder> attempts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> retried = new ConcurrentHashMap<>();
  /** Attempts of the execution in flight; one counter per SDK call. */
  private static final ExecutionAttribute<java.util.concurrent.atomic.AtomicInteger> ATTEMPTS =
      new ExecutionAttribute<>("migrate.attempts");

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
    String action = action(attrs);
    if (!IamActions.isReadOnly(action) || !IamActions.declared().contains(action)) {
      throw new IllegalStateException("refusing to call " + action + ": not a declared read-only action");
    }
    calls.computeIfAbsent(action, k -> new LongAdder()).increment();
    attrs.putAttribute(ATTEMPTS, new java.util.concurrent.atomic.AtomicInteger());
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attrs) {
    String action = action(attrs);
    attempts.computeIfAbsent(action, k -> new LongAdder()).increment();
    var n = attrs.getAttribute(ATTEMPTS);
    if (n != null && n.incrementAndGet() == 2) {
      retried.computeIfAbsent(action, k -> new LongAdder()).increment();
    }
  }

  private static String action(ExecutionAttributes attrs) {
    return IamActions.of(attrs.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  CallStats stats(RetryStats retries) {
    Map<String, Long> a = new java.util.TreeMap<>();
    attempts.forEach((k, v) -> a.put(k, v.sum()));
    Map<String, Long> c = new java.util.TreeMap<>();
    calls.forEach((k, v) -> c.put(k, v.sum()));
    Map<String, Long> r = new java.util.TreeMap<>();
    retried.forEach((k, v) -> r.put(k, v.sum()));
    return new CallStats(a, c, r, retries.retries(), retries.exhausted());
  }
}
