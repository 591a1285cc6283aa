package ru.appealdesk.platform;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import ru.appealdesk.identity.AppGroup;

/**
 * HTTP Basic for {@code /api/**}, {@code /engine-rest/**} and {@code /actuator/**} checked against Camunda's identity
 * service, so one set of users and groups serves Tasklist, the REST API and the application API. Groups become
 * authorities {@code GROUP_<id>}; administrators also get {@value #ADMIN_ROLE} (health details). Wrong passwords go
 * through the {@link LoginThrottle}; verified credentials are kept briefly in the {@link CredentialsCache}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = AppGroup.AUTHORITY_PREFIX;
  /** Spring role of {@code camunda-admin} members ({@code management.endpoint.health.roles}). */
  static final String ADMIN_ROLE = "ROLE_APPEALDESK_ADMIN";

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final CredentialsCache cache;

  CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      CredentialsCache cache) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.cache = cache;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    String password = credentials == null ? null : credentials.toString();
    if (user == null || user.isBlank() || password == null) {
      throw new BadCredentialsException("Invalid user or password");
    }
    List<String> groups = cache.groups(user, password);
    if (groups == null) {
      String address = address(authentication);
      long wait = throttle.waitSeconds(user, address);
      if (wait > 0) {
        throw new LoginThrottledException(wait);
      }
      long generation = cache.generation();
      if (!identityService.checkPassword(user, password)) {
        throttle.failed(user, address);
        throw new BadCredentialsException("Invalid user or password");
      }
      throttle.succeeded(user, address);
      groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      cache.put(user, password, groups, generation);
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String id : groups) {
      authorities.add(new SimpleGrantedAuthority(GROUP_PREFIX + id));
    }
    if (groups.contains(AppGroup.CAMUNDA_ADMIN)) {
      authorities.add(new SimpleGrantedAuthority(ADMIN_ROLE));
    }
    UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
        authorities);
    result.setDetails(authentication.getDetails());
    return result;
  }

  static String address(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** Too many wrong passwords from this address for this user: 429 with {@code Retry-After}. */
  static final class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(long retryAfterSeconds) {
      super("Too many failed logins");
      this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
