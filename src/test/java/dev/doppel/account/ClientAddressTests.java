package dev.doppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses as people read them, whatever spelling the socket (or an older row) had. */
@Tag("no-database")
class ClientAddressTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            // Loopback, as Java spells it and as people do.
            "0:0:0:0:0:0:0:1, ::1",
            "::1, ::1",
            "[::1], ::1",
            "127.0.0.1, 127.0.0.1",
            // An IPv4 client on an IPv6 socket is an IPv4 client.
            "::ffff:1.2.3.4, 1.2.3.4",
            "0:0:0:0:0:ffff:102:304, 1.2.3.4",
            "::FFFF:203.0.113.9, 203.0.113.9",
            // RFC 5952: lower case, no leading zeros, the longest zero run (the first of equals) as ::.
            "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "2001:db8:0:0:0:1:0:0, 2001:db8::1:0:0",
            "0:0:0:0:0:0:0:0, ::",
            "fe80:0:0:0:0:0:0:1%eth0, fe80::1%eth0",
            "198.51.0.7, 198.51.0.7",
    })
    void writesAddressesTheWayPeopleReadThem(String stored, String shown) {
        assertThat(ClientAddress.readable(stored)).isEqualTo(shown);
    }

    @Test
    void leavesWhatIsNotAnAddressAsItIsWithoutLookingItUp() {
        assertThat(ClientAddress.readable(null)).isNull();
        assertThat(ClientAddress.readable(ClientAddress.UNKNOWN)).isEqualTo(ClientAddress.UNKNOWN);
        assertThat(ClientAddress.readable("localhost")).isEqualTo("localhost");
        assertThat(ClientAddress.readable("doppel.invalid")).isEqualTo("doppel.invalid");
        assertThat(ClientAddress.readable("1:2:3")).isEqualTo("1:2:3");
        assertThat(ClientAddress.readable("")).isEmpty();
    }
}
