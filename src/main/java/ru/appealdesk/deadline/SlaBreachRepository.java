package ru.appealdesk.deadline;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaBreachRepository extends JpaRepository<SlaBreach, Long> {

  Optional<SlaBreach> findByCaseNumberAndStep(String caseNumber, String step);

  List<SlaBreach> findByCaseNumberOrderByBreachedAt(String caseNumber);

  boolean existsByCaseNumber(String caseNumber);

  List<SlaBreach> findByGroupIdOrEscalationGroupOrderByDueAt(String groupId, String escalationGroup);
}
