package ru.appealdesk.company;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.appealdesk.platform.BadRequestException;
import ru.appealdesk.platform.BadRequestException.FieldProblem;
import ru.appealdesk.platform.NotFoundException;

/**
 * Who signs an answer or a letter, as the signature block prints it: the full name from the Camunda user (first and
 * last name, as the administrator keeps them in Camunda Admin) and the position an administrator sets per user
 * ({@code PUT /api/company/signatories/{userId}}, table {@code signatory_position}), in Russian and optionally Kazakh.
 */
@Service
public class Signatories {

  private final IdentityService identity;
  private final JdbcClient jdbc;

  Signatories(IdentityService identity, JdbcClient jdbc) {
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /**
   * @return the signatory; for a user id Camunda does not know (e.g. a deleted user) the id stands for the name and
   *     there is no position. Null for a null or blank id.
   */
  public Signatory of(String userId) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    Optional<Position> position = position(userId);
    return new Signatory(userId, user == null ? userId : fullName(user),
        position.map(Position::position).orElse(null), position.map(Position::positionKk).orElse(null));
  }

  /** Every Camunda user with their position (null when none is set), by last name. */
  public List<Signatory> all() {
    var positions = jdbc.sql("select user_id, position, position_kk from signatory_position")
        .query((rs, n) -> new Signatory(rs.getString(1), null, rs.getString(2), rs.getString(3))).list().stream()
        .collect(Collectors.toMap(Signatory::userId, s -> s));
    return identity.createUserQuery().orderByUserLastName().asc().list().stream()
        .map(u -> {
          Signatory p = positions.get(u.getId());
          return new Signatory(u.getId(), fullName(u), p == null ? null : p.position(), p == null ? null
              : p.positionKk());
        })
        .toList();
  }

  /** Sets the position of an existing Camunda user. */
  @Transactional
  public Signatory setPosition(String userId, String position, String positionKk, String by) {
    requireUser(userId);
    String ru = position == null || position.isBlank() ? null : position.strip();
    String kk = positionKk == null || positionKk.isBlank() ? null : positionKk.strip();
    List<FieldProblem> problems = Stream.of(
            ru == null ? new FieldProblem("position", "укажите должность так, как она печатается под подписью") : null,
            ru != null && ru.length() > 200 ? new FieldProblem("position", "не длиннее 200 символов") : null,
            kk != null && kk.length() > 200 ? new FieldProblem("positionKk", "не длиннее 200 символов") : null)
        .filter(p -> p != null).toList();
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    jdbc.sql("""
            insert into signatory_position (user_id, position, position_kk, updated_at, updated_by)
            values (:user, :position, :kk, :at, :by)
            on conflict (user_id) do update set position = excluded.position, position_kk = excluded.position_kk,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .param("user", userId).param("position", ru).param("kk", kk).param("at", Timestamp.from(Instant.now()))
        .param("by", by).update();
    return of(userId);
  }

  @Transactional
  public boolean removePosition(String userId) {
    requireUser(userId);
    return jdbc.sql("delete from signatory_position where user_id = :user").param("user", userId).update() > 0;
  }

  /** @throws NotFoundException when Camunda has no such user */
  public Signatory existing(String userId) {
    requireUser(userId);
    return of(userId);
  }

  private void requireUser(String userId) {
    if (userId == null || identity.createUserQuery().userId(userId).count() == 0) {
      throw new NotFoundException("Сотрудник «" + userId + "» не найден");
    }
  }

  private Optional<Position> position(String userId) {
    return jdbc.sql("select position, position_kk from signatory_position where user_id = :user")
        .param("user", userId).query((rs, n) -> new Position(rs.getString(1), rs.getString(2))).optional();
  }

  private static String fullName(User u) {
    String name = Stream.of(u.getFirstName(), u.getLastName()).filter(s -> s != null && !s.isBlank())
        .map(String::strip).collect(Collectors.joining(" "));
    return name.isEmpty() ? u.getId() : name;
  }

  private record Position(String position, String positionKk) {}

  /**
   * @param fullName first and last name («Геннадий Директоров»)
   * @param position the Russian position; null when the administrator has not set one
   * @param positionKk the Kazakh position; null when not set
   */
  public record Signatory(String userId, String fullName, String position, String positionKk) {

    /** The position in the letter's language: Kazakh when set, else Russian (may be null). */
    public String position(String language) {
      return "kk".equals(language) && positionKk != null ? positionKk : position;
    }
  }
}
