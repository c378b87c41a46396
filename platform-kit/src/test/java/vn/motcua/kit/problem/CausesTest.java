package vn.motcua.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsTheCauseOfAKindHoweverDeepAndNothingWhenThereIsNone() {
        ConnectException refused = new ConnectException("Connection refused");
        IllegalStateException wrapped = new IllegalStateException("proxy failed", new UncheckedIOException(new IOException(refused)));

        assertThat(Causes.find(wrapped, ConnectException.class)).containsSame(refused);
        assertThat(Causes.find(wrapped, IllegalStateException.class)).containsSame(wrapped);
        assertThat(Causes.find(wrapped, BodyTooLarge.class)).isEmpty();
        assertThat(Causes.find(null, ConnectException.class)).isEmpty();
    }
}
