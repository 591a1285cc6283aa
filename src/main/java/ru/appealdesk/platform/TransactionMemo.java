package ru.appealdesk.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers remembered for the rest of the current transaction (an engine command runs in one): what a step has just
 * worked out is not worked out again by the next expression of the same command. Outside a transaction nothing is
 * remembered. Only for answers that cannot change inside the transaction (a decision table's answer, a row the
 * transaction itself wrote) and for what the transaction collects as it goes (the tables it evaluated, the grants it
 * wrote); {@link #put} replaces an answer that did change.
 */
public final class TransactionMemo {

  private static final Object KEY = new Object() {
    @Override
    public String toString() {
      return "appealdesk.transactionMemo";
    }
  };

  private TransactionMemo() {}

  /** The remembered answer for {@code key}, or {@code compute}'s (remembered unless it is null). */
  @SuppressWarnings("unchecked")
  public static <T> T get(Object key, Supplier<T> compute) {
    Map<Object, Object> memo = memo();
    if (memo == null) {
      return compute.get();
    }
    Object known = memo.get(key);
    if (known != null) {
      return (T) known;
    }
    T value = compute.get();
    if (value != null) {
      memo.put(key, value);
    }
    return value;
  }

  /** Remembers {@code value} for {@code key} until the transaction ends (no-op outside one). */
  public static void put(Object key, Object value) {
    Map<Object, Object> memo = memo();
    if (memo != null) {
      if (value == null) {
        memo.remove(key);
      } else {
        memo.put(key, value);
      }
    }
  }

  /** What was remembered for {@code key} in this transaction, or null. */
  @SuppressWarnings("unchecked")
  public static <T> T known(Object key) {
    Map<Object, Object> memo = memo();
    return memo == null ? null : (T) memo.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> memo() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return null;
    }
    Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(KEY);
    if (memo == null) {
      Map<Object, Object> created = new HashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void suspend() {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }

        @Override
        public void resume() {
          TransactionSynchronizationManager.bindResource(KEY, created);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
      memo = created;
    }
    return memo;
  }
}
