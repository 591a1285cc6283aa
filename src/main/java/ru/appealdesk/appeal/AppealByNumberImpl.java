package ru.appealdesk.appeal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.hibernate.Session;
import org.springframework.transaction.annotation.Transactional;

/** Spring Data's fragment for {@link AppealByNumber} (found by the {@code Impl} suffix). */
class AppealByNumberImpl implements AppealByNumber {

  @PersistenceContext
  private EntityManager entityManager;

  @Override
  @Transactional(readOnly = true)
  public Optional<Appeal> findByNumber(String number) {
    if (number == null) {
      return Optional.empty();
    }
    return entityManager.unwrap(Session.class).bySimpleNaturalId(Appeal.class).loadOptional(number);
  }
}
