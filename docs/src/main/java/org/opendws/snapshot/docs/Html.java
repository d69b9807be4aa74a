package org.opendws.snapshot.docs;

/** HTML escaping and a few small markup helpers shared by the pages. */
final class Html {
    private Html() {}

    /** Escapes text for use in element content and in double-quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code <code>text</code>}, escaped. */
    static String code(Object text) {
        return "<code>" + escape(String.valueOf(text)) + "</code>";
    }

    /** A fragment id made of letters, digits and hyphens, e.g. {@code "Error codes"} to {@code error-codes}. */
    static String slug(String text) {
        String slug = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
