package vn.motcua.online;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 with {@code Retry-After} (seconds) and a Vietnamese detail saying how many minutes to wait. */
class TooManyRequests extends ErrorResponseException {

    private final long retryAfterSeconds;

    TooManyRequests(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS), null,
                "online.tooManyRequests", new Object[] {Math.max(1, (retryAfter.toSeconds() + 59) / 60)});
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return headers;
    }
}
