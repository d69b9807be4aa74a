package org.opendws.snapshot.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query string of a URL as name/value pairs, the one parser of the signer and of a verifier:
 * what the signature covers is what both read.
 *
 * <pre>{@code
 * QueryString.parse("b=2&a=x%20y&flag")  // [b=2, a=x y, flag=]
 * }</pre>
 */
public final class QueryString {
    private QueryString() {}

    /**
     * Splits a raw query string (as sent, without the {@code ?}) on {@code &} and each pair at
     * its first {@code =}, and percent-decodes names and values as UTF-8. Only percent-escapes are
     * decoded: a literal {@code +} stays a plus (it is a space only in HTML form bodies). A pair
     * without {@code =} has an empty value; an empty pair (between {@code &&}) is an empty name and
     * value; empty pairs at the end are dropped.
     *
     * @param rawQuery the query string, or null or empty for none
     * @return the pairs in the order given, a name repeated as often as it is; never null, unmodifiable
     * @throws IllegalArgumentException if a {@code %} is not followed by two hexadecimal digits
     */
    public static List<Map.Entry<String, String>> parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(Canonical.percentDecode(name), Canonical.percentDecode(value)));
        }
        return List.copyOf(pairs);
    }
}
