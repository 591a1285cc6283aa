package ru.appealdesk.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code appealdesk.client.*}: the public pages {@code /appeal} and {@code /status/…} (docs/client.md). Every value has a
 * default, so application.yaml needs none of them.
 *
 * @param publicUrl how clients reach this application from outside (e.g. {@code https://appeals.example.ru}): the
 *     status link in e-mails starts with it; blank = taken from the request (fine for one node without a proxy)
 * @param trustedProxies how many reverse proxies of our own (nginx, a load balancer) stand in front of the application
 *     and append the address they saw to {@code X-Forwarded-For}; 0 = the header is ignored (anyone can forge it)
 * @param formSecret key of the form tokens (CSRF); blank = a random key created once and kept in the database, so both
 *     nodes behind a proxy accept each other's forms
 * @param formTokenLifetime how long an opened form can be sent
 * @param maxFiles files per submission
 * @param maxFileSize one file
 * @param maxRequestSize the whole request body (text and files); larger requests are refused before they are read
 * @param maxTextLength the client's free texts (appeal text, demand, answer to an information request)
 * @param rateLimit per client address
 * @param consentVersion the version of the consent text in force; recorded with each consent
 * @param company the company's name and contacts on the pages, per jurisdiction (until the company profile arrives)
 */
@ConfigurationProperties("appealdesk.client")
public record ClientProperties(
    @DefaultValue("") String publicUrl,
    @DefaultValue("0") int trustedProxies,
    @DefaultValue("") String formSecret,
    @DefaultValue("12h") Duration formTokenLifetime,
    @DefaultValue("5") int maxFiles,
    @DefaultValue("5MB") DataSize maxFileSize,
    @DefaultValue("16MB") DataSize maxRequestSize,
    @DefaultValue("10000") int maxTextLength,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue("2026-01") String consentVersion,
    @DefaultValue Companies company) {

  /**
   * @param submits form posts (new appeals and answers to information requests) per address and window
   * @param submitWindow the window of {@code submits}
   * @param wrongTokens status look-ups with a wrong or missing token per address and window; then every look-up from
   *     that address is refused until the window ends
   * @param wrongTokenWindow the window of {@code wrongTokens}
   * @param maxTrackedAddresses memory bound of the in-memory limiter
   */
  public record RateLimit(
      @DefaultValue("10") int submits,
      @DefaultValue("10m") Duration submitWindow,
      @DefaultValue("10") int wrongTokens,
      @DefaultValue("15m") Duration wrongTokenWindow,
      @DefaultValue("100000") int maxTrackedAddresses) {}

  /** The company of each jurisdiction. */
  public record Companies(@DefaultValue Company ru, @DefaultValue Company kz) {}

  /**
   * Name and contacts as the client pages show them. The {@code …Kk} variants are the Kazakh texts (blank = the Russian
   * one).
   */
  public record Company(
      @DefaultValue("") String name,
      @DefaultValue("") String nameKk,
      @DefaultValue("") String phone,
      @DefaultValue("") String email,
      @DefaultValue("") String address,
      @DefaultValue("") String addressKk,
      @DefaultValue("") String hours,
      @DefaultValue("") String hoursKk,
      @DefaultValue("") String website) {}
}
