package vn.motcua.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"an.nguyen@example.vn", "thanh+dossier@gmail.com", "o'brien@mail.gov.vn", "a_b-c@xn--h-jfa.vn",
        "1@x.vn", "nguyen.van.an.1990@sub.domain.com.vn"})
    void aMailboxAMailServerTakesIsAccepted(String address) {
        assertThat(MailboxAddress.Check.isMailbox(address)).as(address).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thánh@gmail.com", "nguyễn.an@example.vn", "an@thư.vn", "an@gmail.côm", "an@localhost", "@gmail.com",
        "an@", "an", ".an@x.vn", "an.@x.vn", "a..b@x.vn", "an nguyen@x.vn", "an@x..vn", "an@-x.vn", "an@x.vn.", "a@b@c.vn",
        "\"an nguyen\"@x.vn", "аn@x.vn"})
    void anAddressNoMailServerHereDeliversToIsRefused(String address) {
        assertThat(MailboxAddress.Check.isMailbox(address)).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 250})
    void anAddressLongerThanTheMailStandardsAllowIsRefused(int localLength) {
        assertThat(MailboxAddress.Check.isMailbox("a".repeat(localLength) + "@example.vn")).isFalse();
    }
}
