package org.opendws.snapshot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one query parser of the signer and the verifier. */
class QueryStringTest {
    @Test
    void pairsInTheirOrderDecoded() {
        assertThat(QueryString.parse("b=2&a=x%20y&a=again&flag&e=&%E4%B8%AD=%F0%9F%98%80"))
                .containsExactly(
                        Map.entry("b", "2"),
                        Map.entry("a", "x y"),
                        Map.entry("a", "again"),
                        Map.entry("flag", ""),
                        Map.entry("e", ""),
                        Map.entry("\u4e2d", "\ud83d\ude00"));
    }

    @Test
    void aPlusStaysAPlus() {
        assertThat(QueryString.parse("a+b=c+d&e=%2B")).containsExactly(Map.entry("a+b", "c+d"), Map.entry("e", "+"));
    }

    @Test
    void aValueMayHoldEqualsSigns() {
        assertThat(QueryString.parse("a==b=c")).containsExactly(Map.entry("a", "=b=c"));
    }

    @Test
    void emptyPairsInsideCountTrailingOnesDoNot() {
        assertThat(QueryString.parse("a=1&&b=2&&"))
                .containsExactly(Map.entry("a", "1"), Map.entry("", ""), Map.entry("b", "2"));
        assertThat(QueryString.parse("&")).isEmpty();
    }

    @Test
    void noQueryIsNoPairs() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void theResultIsUnmodifiable() {
        assertThatThrownBy(() -> QueryString.parse("a=1").add(Map.entry("b", "2")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBrokenEscapeIsRefused() {
        for (String broken : new String[] {"a=%", "a=%4", "a=%zz", "%g1=b", "a=1%"}) {
            assertThatThrownBy(() -> QueryString.parse(broken))
                    .as(broken)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'%'");
        }
    }

    @Test
    void invalidUtf8BecomesTheReplacementCharacter() {
        assertThat(QueryString.parse("a=%C3x&b=%FF"))
                .containsExactly(Map.entry("a", "\ufffdx"), Map.entry("b", "\ufffd"));
    }

    /**
     * Decoding is the JDK's URLDecoder with a '+' kept, and {@code java.net.URI}'s for a path, as
     * the client decoded before: on random text of escapes, hex digits and other characters, they
     * give the same text where every '%' starts an escape of two hex digits (all a
     * {@code java.net.URI} lets through), and the parser refuses any other '%' (URLDecoder even
     * takes {@code %-0}).
     */
    @Test
    void decodesAsUrlDecoderKeepingThePlusAndRefusesEveryBrokenEscape() {
        Random random = new Random(20261128);
        String alphabet = "%%%%0123456789abcdefABCDEFgz+ =&/~.-_\u00e9\u4e2d";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String raw = text.toString();
            if (raw.matches("([^%]|%[0-9a-fA-F]{2})*")) {
                assertThat(Canonical.percentDecode(raw))
                        .as("\"%s\"", raw)
                        .isEqualTo(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
                if (!raw.contains(" ")) { // a path java.net.URI takes: the client's paths were decoded by it
                    assertThat("/" + Canonical.percentDecode(raw))
                            .as("\"%s\"", raw)
                            .isEqualTo(URI.create("http://h/" + raw).getPath());
                }
            } else {
                assertThatThrownBy(() -> Canonical.percentDecode(raw))
                        .as("\"%s\"", raw)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
