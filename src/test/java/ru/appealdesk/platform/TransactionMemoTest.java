package ru.appealdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.appealdesk.support.NoResourceTransactions;

class TransactionMemoTest {

  final NoResourceTransactions manager = new NoResourceTransactions();
  final TransactionTemplate required = new TransactionTemplate(manager);
  final AtomicInteger computed = new AtomicInteger();

  String answer() {
    return "answer " + computed.incrementAndGet();
  }

  @Test
  void outsideATransactionNothingIsRemembered() {
    assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("answer 1");
    assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("answer 2");
    TransactionMemo.put("key", "kept?");
    assertThat((String) TransactionMemo.known("key")).isNull();
  }

  @Test
  void insideATransactionTheFirstAnswerIsKeptUntilItEnds() {
    required.executeWithoutResult(s -> {
      assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("answer 1");
      assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("answer 1");
      assertThat(TransactionMemo.get("other", this::answer)).isEqualTo("answer 2");
      TransactionMemo.put("key", "changed");
      assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("changed");
      TransactionMemo.put("key", null);
      assertThat((String) TransactionMemo.known("key")).isNull();
    });
    // the next transaction starts without it
    required.executeWithoutResult(s -> {
      assertThat((String) TransactionMemo.known("other")).isNull();
      assertThat(TransactionMemo.get("other", this::answer)).isEqualTo("answer 3");
    });
    // and so does a rolled-back one's successor
    required.executeWithoutResult(s -> {
      TransactionMemo.put("key", "lost");
      s.setRollbackOnly();
    });
    required.executeWithoutResult(s -> assertThat((String) TransactionMemo.known("key")).isNull());
  }

  @Test
  void aNewTransactionInsideAnotherHasItsOwnMemoAndTheOuterKeepsItsOwn() {
    TransactionTemplate requiresNew = new TransactionTemplate(manager);
    requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    required.executeWithoutResult(outer -> {
      assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("answer 1");
      requiresNew.executeWithoutResult(inner -> {
        assertThat((String) TransactionMemo.known("key")).isNull();
        assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("answer 2");
      });
      assertThat(TransactionMemo.get("key", this::answer)).isEqualTo("answer 1");
      // a nested call that joins the outer transaction shares its memo
      required.executeWithoutResult(joined -> assertThat((String) TransactionMemo.known("key")).isEqualTo("answer 1"));
    });
  }
}
