package ru.appealdesk.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.appealdesk.deadline.Jurisdiction;

/**
 * Guards the public pages ({@code /appeal}, {@code /status/**}, their assets under {@code /client/**}) before any of
 * their work is done:
 * <ul>
 *   <li>headers: {@code Content-Security-Policy} (own scripts and styles only, forms post only here, no framing),
 *       {@code Referrer-Policy: no-referrer} (the status link carries the token), {@code X-Content-Type-Options}, and
 *       {@code Cache-Control: no-store} on the pages;</li>
 *   <li>size: a form post must state its length ({@code Content-Length}) and stay within
 *       {@code appealdesk.client.max-request-size}, else it is refused unread (411/413);</li>
 *   <li>rate limits per client address: form posts ({@code rate-limit.submits}), and every status look-up of an address
 *       that guessed too many tokens ({@code rate-limit.wrong-tokens}): 429 with {@code Retry-After}.</li>
 * </ul>
 * Refusals are a page in the language the request asked for ({@code lang}), or a problem for JSON clients. Nothing here
 * logs a request's content.
 */
class PublicPagesFilter extends OncePerRequestFilter {

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final ClientProperties properties;
  private final PublicLimits limits;
  private final Pages pages;
  private final ObjectMapper json;

  PublicPagesFilter(ClientProperties properties, PublicLimits limits, Pages pages, ObjectMapper json) {
    this.properties = properties;
    this.limits = limits;
    this.pages = pages;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean asset = path.startsWith("/client/");
    if (!asset) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    boolean post = "POST".equalsIgnoreCase(request.getMethod());
    String address = limits.address(request);
    if (post) {
      long length = request.getContentLengthLong();
      if (length < 0) {
        refuse(request, response, HttpStatus.LENGTH_REQUIRED, "tooLarge.title", tooLargeText(request), 0);
        return;
      }
      if (length > properties.maxRequestSize().toBytes()) {
        refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "tooLarge.title", tooLargeText(request), 0);
        return;
      }
    }
    if (path.startsWith("/status/") && limits.tokenLookupsBlocked(address)) {
      refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "limit.title", null, limits.tokenRetryAfter(address));
      return;
    }
    if (post && !limits.trySubmit(address)) {
      refuse(request, response, HttpStatus.TOO_MANY_REQUESTS, "limit.title", null, limits.submitRetryAfter(address));
      return;
    }
    chain.doFilter(request, response);
  }

  private String tooLargeText(HttpServletRequest request) {
    return pages.texts(PageLocale.query(request, "lang"))
        .format("tooLarge.text", properties.maxRequestSize().toMegabytes());
  }

  /** Without reading the body: the query string alone tells the language. */
  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String titleKey,
      String text, long retryAfterSeconds) throws IOException {
    String lang = PageTexts.language(PageLocale.query(request, "lang"));
    PageTexts.Texts t = pages.texts(lang);
    if (retryAfterSeconds > 0) {
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
      text = t.format("limit.text", Math.max(1, (retryAfterSeconds + 59) / 60));
    }
    if (wantsJson(request)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text);
      problem.setTitle(t.get(titleKey));
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), problem);
      response.flushBuffer();
      return;
    }
    Jurisdiction j = request.getRequestURI().contains("/status/KZ") || "KZ".equalsIgnoreCase(
        PageLocale.query(request, "jurisdiction")) || PageTexts.KK.equals(lang) ? Jurisdiction.KZ : Jurisdiction.RU;
    ResponseEntity<String> page = pages.message(status, lang, j, t.get(titleKey), text,
        List.of(new Pages.Link(new PageLocale(j, lang).appealPath(), t.get("nav.home"))));
    response.setStatus(status.value());
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    byte[] body = page.getBody().getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer(); // on the wire before the container drains (or drops) the unread body
  }

  private static boolean wantsJson(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }
}
