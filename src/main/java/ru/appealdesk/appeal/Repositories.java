package ru.appealdesk.appeal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AppealRepository extends JpaRepository<Appeal, Long>, AppealByNumber {

  Optional<Appeal> findByIdempotencyKey(String key);

  /** Whether the client has any appeal besides this one (at most one id is read). */
  @Query("select e.id from Appeal e where e.client.id = :clientId and e.id <> :id")
  List<Long> otherAppealIds(@Param("clientId") Long clientId, @Param("id") Long id, Limit limit);

  /** The client's other appeals of this type that were answered, newest first. */
  @Query("""
      select e from Appeal e where e.client.id = :clientId and e.id <> :id and e.type = :type
       and e.answerText is not null order by e.receivedAt desc""")
  List<Appeal> answeredOfType(@Param("clientId") Long clientId, @Param("id") Long id, @Param("type") AppealType type);
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

  /** Whether the appeal's deciding models are recorded already (at most one id is read). */
  @Query("select r.id from AppealRule r where r.appealId = :appealId")
  List<Long> recordedIds(@Param("appealId") Long appealId, Limit limit);
}
