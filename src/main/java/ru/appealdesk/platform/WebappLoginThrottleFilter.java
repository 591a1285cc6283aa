package ru.appealdesk.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The same {@link LoginThrottle} for the login form of Tasklist, Cockpit and Admin
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}, form fields {@code username} and
 * {@code password}): a throttled user and address get 429 without their password being checked; the outcome (401 or
 * 200) is counted like an HTTP Basic attempt.
 */
@Component
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private static final int MAX_BODY = 16 * 1024;

  private final LoginThrottle throttle;
  private final ObjectMapper json;
  private final Pattern loginPath;

  WebappLoginThrottleFilter(LoginThrottle throttle, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.throttle = throttle;
    this.json = json;
    this.loginPath = Pattern.compile(Pattern.quote(webappPath) + "/api/admin/auth/user/[^/]+/login/[^/]+/?");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !loginPath.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
    String user = field(body, "username");
    String address = request.getRemoteAddr();
    long wait = user == null ? 0 : throttle.waitSeconds(user, address);
    if (wait > 0) {
      response.setHeader("Retry-After", Long.toString(wait));
      Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "username",
          "слишком много неудачных попыток входа с этого адреса; повторите через " + wait + " с"), null);
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
    if (user != null) {
      int status = response.getStatus();
      if (status == 401 || status == 403) {
        throttle.failed(user, address);
      } else if (status >= 200 && status < 300) {
        throttle.succeeded(user, address);
      }
    }
  }

  /** One field of an {@code application/x-www-form-urlencoded} body. */
  static String field(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && name.equals(pair.substring(0, eq))) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The request with its body read once here and given again to Camunda's login resource. */
  private static final class CachedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
