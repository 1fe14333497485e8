package vn.motcua.mail;

/**
 * A message was not accepted by the SMTP server (or could not be written to the outbox). Nothing
 * was recorded for its idempotency key, so sending again is safe: an async engine job that fails
 * with this exception is retried and finally becomes an incident.
 */
public class MailNotSent extends RuntimeException {

    private final String idempotencyKey;

    public MailNotSent(String idempotencyKey, Throwable cause) {
        super("Mail " + idempotencyKey + " not sent: " + cause.getMessage(), cause);
        this.idempotencyKey = idempotencyKey;
    }

    public String idempotencyKey() {
        return idempotencyKey;
    }
}
