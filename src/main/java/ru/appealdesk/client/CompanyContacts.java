package ru.appealdesk.client;

import org.springframework.stereotype.Component;
import ru.appealdesk.deadline.Jurisdiction;
import ru.appealdesk.delivery.DeliveryProperties;

/**
 * The company whose pages the client sees: name and contacts per jurisdiction and language.
 *
 * <p>Seam: until the company profile (package {@code company}, administered in the application) is on main, the values
 * come from {@code appealdesk.client.company.<ru|kz>.*}; a missing name falls back to
 * {@code appealdesk.delivery.company-name}. Swapping this class's body for the profile changes nothing else.
 */
@Component
class CompanyContacts {

  /** What the header and footer show; blank parts are left out. */
  record Company(String name, String phone, String email, String address, String hours, String website) {

    /** {@code tel:+78000000000} for the phone, null without one. */
    public String phoneLink() {
      return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }
  }

  private final ClientProperties properties;
  private final DeliveryProperties delivery;

  CompanyContacts(ClientProperties properties, DeliveryProperties delivery) {
    this.properties = properties;
    this.delivery = delivery;
  }

  Company of(Jurisdiction jurisdiction, String language) {
    ClientProperties.Company c =
        jurisdiction == Jurisdiction.KZ ? properties.company().kz() : properties.company().ru();
    boolean kk = "kk".equals(language);
    String name = pick(kk ? c.nameKk() : null, c.name());
    return new Company(name == null ? delivery.companyName() : name, pick(c.phone(), null), pick(c.email(), null),
        pick(kk ? c.addressKk() : null, c.address()), pick(kk ? c.hoursKk() : null, c.hours()),
        pick(c.website(), null));
  }

  private static String pick(String preferred, String fallback) {
    if (preferred != null && !preferred.isBlank()) {
      return preferred.strip();
    }
    return fallback == null || fallback.isBlank() ? null : fallback.strip();
  }
}
