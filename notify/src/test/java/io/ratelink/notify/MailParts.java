package io.ratelink.notify;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Optional;

/** The parts of a received multipart email. */
final class MailParts {

    private MailParts() {
    }

    static String text(MimeMessage mail) {
        return part(mail, "text/plain").orElseThrow(() -> new AssertionError("no text/plain part"));
    }

    static String html(MimeMessage mail) {
        return part(mail, "text/html").orElseThrow(() -> new AssertionError("no text/html part"));
    }

    static String messageId(MimeMessage mail) {
        try {
            return mail.getHeader("Message-ID")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of(part.getContent().toString());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    Optional<String> found = part(body, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
