package org.opendws.snapshot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the signature guide is right: its body, canonical request, string to
 * sign and Authorization header are consistent with each other byte for byte, and match the
 * reference vector V2 (whose canonical-request hash and signature the guide states).
 */
class SignatureGuideTest {

    @Test
    void theWorkedExampleIsConsistentByteForByte() throws Exception {
        TestSite.GuideFile guide = TestSite.guideFiles().stream()
                .filter(g -> g.page().equals("troubleshooting-signatures.html"))
                .findFirst()
                .orElseThrow();
        String markdown = Files.readString(guide.markdown(), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        new Parser.Builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                blocks.add(block.getLiteral());
            }
        });
        String body = strip(block(blocks, "{\"snapshot\""));
        String canonical = strip(block(blocks, "POST\n"));
        String stringToSign = strip(block(blocks, "SDK-HMAC-SHA256\n"));
        String authorization = strip(block(blocks, "Authorization: "));
        String sk = match(markdown, "\\| SK \\| `([^`]+)` \\|");
        String ak = match(markdown, "\\| AK \\| `([^`]+)` \\|");

        String bodyHash = sha256(body);
        assertThat(canonical).endsWith("\n" + bodyHash);
        assertThat(markdown).contains("Its SHA-256 is `" + bodyHash + "`");

        String canonicalHash = sha256(canonical);
        assertThat(canonicalHash)
                .isEqualTo("f1ec58b60a582ce25a1a2d8f645033783dbcd2bdbabb600bc9f81fc8464775cc"); // vector V2
        assertThat(markdown).contains("Its SHA-256 is `" + canonicalHash + "`");
        assertThat(stringToSign.lines().toList()).last().isEqualTo(canonicalHash);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(sk.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        assertThat(signature)
                .isEqualTo("e3ff5f22bf7d8ce4b1926bccbfe58a5b2cfb3cd76ab05c64d925d2c52b63edd2"); // vector V2
        assertThat(authorization)
                .isEqualTo("Authorization: SDK-HMAC-SHA256 Access=" + ak
                        + ", SignedHeaders="
                        + canonical
                                .lines()
                                .toList()
                                .get(canonical.lines().toList().size() - 2)
                        + ", Signature=" + signature);
    }

    private static String block(List<String> blocks, String start) {
        return blocks.stream()
                .filter(b -> b.startsWith(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no code block starting with " + start));
    }

    /** A fenced block's literal ends with the newline before the closing fence; the bytes do not. */
    private static String strip(String literal) {
        return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
