package ru.appealdesk.identity;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated employee of the current request: user id and Camunda groups (authorities {@code GROUP_…}). */
public record Caller(String userId, List<String> groups) {

  /** The caller of the current request, or null when nobody is authenticated. */
  public static Caller current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null
        || "anonymousUser".equals(auth.getPrincipal())) {
      return null;
    }
    return new Caller(auth.getName(), groups(auth));
  }

  public static List<String> groups(Authentication auth) {
    return auth.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith(AppGroup.AUTHORITY_PREFIX))
        .map(a -> a.substring(AppGroup.AUTHORITY_PREFIX.length()))
        .toList();
  }

  public boolean isAdmin() {
    return groups.contains(AppGroup.CAMUNDA_ADMIN);
  }
}
