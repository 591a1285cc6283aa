package ru.appealdesk.outage;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code appealdesk.outage.*}: the company's contacts that go into the outage message, the SRO address, and the rhythm of
 * the playbook. Every value has a default, so application.yaml needs none of them.
 *
 * @param recheckInterval how often the coordinator is asked whether the systems are back (ISO-8601 duration in BPMN)
 * @param taskDue how long each channel group has for its checklist (the outage is urgent: hours, not days)
 * @param zone time zone in which the message states the times
 * @param backupEmail backup mailbox announced to clients
 * @param hotline phone number announced to clients
 * @param mirrorSite address of the mirror site or landing page
 * @param graceDays working days after recovery in which a payment still counts as made on time
 * @param sroName recipient of the request to publish the message
 * @param sroAddress postal address of that recipient
 */
@ConfigurationProperties("appealdesk.outage")
public record OutageProperties(
    @DefaultValue("PT3H") Duration recheckInterval,
    @DefaultValue("PT2H") Duration taskDue,
    @DefaultValue("Europe/Moscow") ZoneId zone,
    @DefaultValue("reserve@appealdesk.example") String backupEmail,
    @DefaultValue("8 800 000-00-00") String hotline,
    @DefaultValue("https://reserve.appealdesk.example") String mirrorSite,
    @DefaultValue("3") int graceDays,
    @DefaultValue("СРО «МиР»") String sroName,
    @DefaultValue("107078, г. Москва, Орликов пер., д. 5, стр. 1, пом. 11") String sroAddress) {}
