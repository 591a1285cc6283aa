package ru.appealdesk.deadline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaBreachRepository extends JpaRepository<SlaBreach, Long> {

  Optional<SlaBreach> findByCaseNumberAndClock(String caseNumber, String clock);

  List<SlaBreach> findByJurisdictionOrderByDueAt(Jurisdiction jurisdiction);

  List<SlaBreach> findByCaseNumberOrderByBreachedAt(String caseNumber);

  boolean existsByCaseNumber(String caseNumber);

  List<SlaBreach> findByGroupIdOrEscalationGroupOrderByDueAt(String groupId, String escalationGroup);
}
