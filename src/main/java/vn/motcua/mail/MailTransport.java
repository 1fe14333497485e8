package vn.motcua.mail;

import java.io.IOException;
import java.time.Instant;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where a finished message goes: an SMTP server or the outbox folder. */
interface MailTransport {

    enum Kind { SMTP, OUTBOX }

    Kind kind();

    /** An empty message for this transport to fill. */
    MimeMessage newMessage();

    /**
     * Hands the message over; returns only once it was accepted, throws otherwise.
     *
     * @param at the moment of sending (the Date header keeps only seconds)
     */
    void deliver(MimeMessage message, Instant at) throws MessagingException, IOException;

    /** For the log at start-up: where mail goes. */
    String describe();

    /** Lets go of what it holds open (the application stops). */
    default void close() {
    }
}
