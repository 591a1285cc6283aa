package ru.appealdesk.appeal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppealRepository extends JpaRepository<Appeal, Long>, AppealByNumber {

  Optional<Appeal> findByIdempotencyKey(String key);

  List<Appeal> findByClientIdAndIdNotOrderByReceivedAtDesc(Long clientId, Long id);
}

interface ClientRepository extends JpaRepository<Client, Long> {
  Optional<Client> findByIdentityKey(String identityKey);
}

interface StatusEntryRepository extends JpaRepository<StatusEntry, Long> {
  List<StatusEntry> findByAppealIdOrderByAtAscIdAsc(Long appealId);
}

interface ConclusionRepository extends JpaRepository<Conclusion, Long> {
  List<Conclusion> findByAppealIdOrderByAtAscIdAsc(Long appealId);
}

interface InformationReceiptRepository extends JpaRepository<InformationReceipt, Long> {
  List<InformationReceipt> findByAppealIdOrderByReceivedAtAsc(Long appealId);
}

interface AppealRuleRepository extends JpaRepository<AppealRule, Long> {
  List<AppealRule> findByAppealId(Long appealId);
}
