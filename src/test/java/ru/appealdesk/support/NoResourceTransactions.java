package ru.appealdesk.support;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Transactions without a resource: enough for Spring's synchronization, which is what the memo lives in. */
public final class NoResourceTransactions extends AbstractPlatformTransactionManager {
  @Override
  protected Object doGetTransaction() {
    return new Object();
  }

  @Override
  protected boolean isExistingTransaction(Object transaction) {
    return TransactionSynchronizationManager.isActualTransactionActive();
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {}

  @Override
  protected Object doSuspend(Object transaction) {
    return new Object();
  }

  @Override
  protected void doResume(Object transaction, Object suspendedResources) {}

  @Override
  protected void doCommit(DefaultTransactionStatus status) {}

  @Override
  protected void doRollback(DefaultTransactionStatus status) {}
}
