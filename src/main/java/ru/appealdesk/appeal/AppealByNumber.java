package ru.appealdesk.appeal;

import java.util.Optional;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal of a case number. Every step of {@code appeal-handling} looks its appeal up by number, most of them in the
 * transaction that has just loaded or saved it: a derived query would translate and run a select each time, and flush
 * the session first. Implemented by {@link AppealByNumberImpl} as a Hibernate natural-id lookup, which the session
 * answers without SQL when it already holds the appeal (issue 19: 11 % of the intake's CPU were three such queries).
 */
interface AppealByNumber {

  @Transactional(readOnly = true)
  Optional<Appeal> findByNumber(String number);
}
