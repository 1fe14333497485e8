package vn.motcua.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

/**
 * The mailer names Jakarta Mail's stream provider (so that building a message does not scan the class path for it on
 * every part): the one it names must be the one the class path provides.
 */
class MailStreamProviderTest {

    @Test
    void theNamedStreamProviderIsTheOneOnTheClassPath() throws Exception {
        Class.forName(Mailer.class.getName());
        assertThat(System.getProperty(Mailer.STREAM_PROVIDER)).isNotBlank();
        Class<?> provided = ServiceLoader.load(StreamProvider.class).findFirst().orElseThrow().getClass();
        assertThat(provided.getName()).isEqualTo(System.getProperty(Mailer.STREAM_PROVIDER));
        assertThat(StreamProvider.provider()).isInstanceOf(provided);
    }
}
