package vn.motcua.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Recognising files by content, and the sliding window of the rate limits, without the application. */
class FileTypeTest {

    @Test
    void filesAreRecognisedByTheirFirstBytesOnly() {
        assertThat(FileType.detect(Samples.pdf("x"))).contains(FileType.PDF);
        assertThat(FileType.detect(Samples.jpeg())).contains(FileType.JPEG);
        assertThat(FileType.detect(Samples.png())).contains(FileType.PNG);
        assertThat(FileType.detect(Samples.exe())).isEmpty();
        assertThat(FileType.detect("%PD".getBytes())).isEmpty();
        assertThat(FileType.detect(new byte[0])).isEmpty();
        assertThat(FileType.detect("GIF89a..".getBytes())).isEmpty();
    }

    @Test
    void namesAndDeclaredTypesAreOnlyClaims() {
        assertThat(FileType.ofName("Giấy Tờ.PDF")).contains(FileType.PDF);
        assertThat(FileType.ofName("anh.jpeg")).contains(FileType.JPEG);
        assertThat(FileType.ofName("anh.JPG")).contains(FileType.JPEG);
        assertThat(FileType.ofName("giay-to.pdf.exe")).isEmpty();
        assertThat(FileType.ofName("khong-duoi")).isEmpty();
        assertThat(FileType.ofMediaType("image/jpg")).contains(FileType.JPEG);
        assertThat(FileType.ofMediaType("application/pdf; charset=binary")).contains(FileType.PDF);
        assertThat(FileType.isGeneric("application/octet-stream")).isTrue();
        assertThat(FileType.isGeneric(null)).isTrue();
        assertThat(FileType.isGeneric("application/x-msdownload")).isFalse();
    }

    @Test
    void fileNamesAreKeptWithoutFoldersOrControlCharacters() {
        assertThat(Attachments.cleanName("C:\\Users\\an\\giay-to.pdf")).isEqualTo("giay-to.pdf");
        assertThat(Attachments.cleanName("../../etc/passwd.png")).isEqualTo("passwd.png");
        assertThat(Attachments.cleanName("to\u0000khai\n.pdf")).isEqualTo("tokhai.pdf");
        assertThat(Attachments.cleanName("a".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
    }

    @Test
    void theSlidingWindowAllowsTheLimitThenSaysHowLongToWait() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T01:00:00Z"));
        SlidingWindowRateLimiter limiter = new SlidingWindowRateLimiter(clock);
        OnlineProperties.RateLimit threePerMinute = new OnlineProperties.RateLimit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("a", threePerMinute)).isEmpty();
            clock.now = clock.now.plusSeconds(10);
        }
        Optional<Duration> wait = limiter.acquire("a", threePerMinute);
        assertThat(wait).contains(Duration.ofSeconds(30));
        assertThat(limiter.acquire("b", threePerMinute)).isEmpty();
        clock.now = clock.now.plusSeconds(30);
        assertThat(limiter.acquire("a", threePerMinute)).isEmpty();
        assertThat(limiter.acquire("a", threePerMinute)).isPresent();
    }

    static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
