package io.ratelink.delivery.mail;

/**
 * An email the SMTP server accepted, or that was only captured ({@code ratelink.smtp.mock}): the CDI event
 * {@link MailChannel} fires for each.
 *
 * @param from the sender it went out with
 */
public record SentEmail(String from, Email email) {
}
