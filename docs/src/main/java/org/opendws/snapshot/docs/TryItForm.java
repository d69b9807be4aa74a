package org.opendws.snapshot.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Try it" form of an operation, generated from the document: one field per path and query
 * parameter (its rules beside it), the JSON body filled with the operation's example, and the
 * ways to authenticate its security requirements allow. It is static HTML, hidden until
 * {@code assets/console.js} runs: the script sends the form to the mock that serves the page
 * (signing it with AK/SK when asked) and shows the answer. The form carries the constraints as
 * {@code data-} attributes rather than HTML validation attributes: a developer may want to send
 * a value that breaks a rule, to see the mock's 400, so the script only marks it.
 */
final class TryItForm {
    /** How a request can authenticate: SDK-HMAC-SHA256 signing, a header holding a key or token, or nothing. */
    record Auth(String kind, String label, String header) {
        static final String SIGNED = "aksk";
        static final String HEADER = "header";
        static final String NONE = "none";
    }

    /** A parameter with its schema's $refs resolved. */
    record Field(Parameter parameter, Schema<?> schema) {}

    /** JSON as JavaScript's {@code JSON.stringify(value, null, 2)} writes it: what a reader edits. */
    private static final ObjectWriter PRETTY = new ObjectMapper()
            .writer(new DefaultPrettyPrinter()
                    .withSeparators(
                            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private TryItForm() {}

    /**
     * The form's HTML.
     *
     * @param opId        the operation's fragment id (the form is {@code <opId>-try})
     * @param method      the HTTP method
     * @param path        the path template, e.g. {@code /v1.0/{project_id}/snapshots}
     * @param fields      the path and query parameters (others are left out: the mock reads none)
     * @param mediaType   the request body's media type, or null when the operation takes no body
     * @param example     the body's example (a tree or maps and lists), or null
     * @param exampleName the example's name, or null
     * @param auths       the ways to authenticate, in the document's order
     */
    static String render(
            String opId,
            String method,
            String path,
            List<Field> fields,
            String mediaType,
            Object example,
            String exampleName,
            List<Auth> auths) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<section class=\"try-it\" id=\"")
                .append(Html.escape(opId + "-try"))
                .append("\" data-method=\"")
                .append(Html.escape(method))
                .append("\" data-path=\"")
                .append(Html.escape(path))
                .append("\" hidden>\n")
                .append("<h4>Try it</h4>\n<p class=\"try-note\">Sends this request to the mock server that serves ")
                .append("this page and shows its answer; an AK/SK request is signed here, in the browser, and the ")
                .append("secret key never leaves the page.</p>\n")
                .append("<form class=\"try-form\" autocomplete=\"off\">\n");
        List<Field> sent = fields.stream()
                .filter(f -> "path".equals(f.parameter().getIn())
                        || "query".equals(f.parameter().getIn()))
                .toList();
        if (!sent.isEmpty()) {
            out.append("<fieldset class=\"try-params\"><legend>Parameters</legend>\n");
            sent.forEach(f -> field(opId, f, out));
            out.append("</fieldset>\n");
        }
        if (mediaType != null) {
            out.append("<div class=\"try-field try-body\"><label for=\"")
                    .append(Html.escape(opId + "-try-body"))
                    .append("\">Body ")
                    .append(Html.code(mediaType));
            if (exampleName != null) {
                out.append(", example ").append(Html.code(exampleName));
            }
            String text = example == null ? "" : pretty(example);
            out.append("</label>\n<textarea id=\"")
                    .append(Html.escape(opId + "-try-body"))
                    .append("\" name=\"body\" data-media-type=\"")
                    .append(Html.escape(mediaType))
                    .append("\" rows=\"")
                    .append(Math.max(4, Math.min(16, text.split("\n", -1).length + 1)))
                    .append("\" spellcheck=\"false\">")
                    .append(Html.escape(text))
                    .append("</textarea></div>\n");
        }
        auth(opId, auths, out);
        out.append("<div class=\"try-actions\"><button type=\"submit\" class=\"try-send\">Send</button> ")
                .append("<span class=\"try-state\" aria-live=\"polite\"></span></div>\n</form>\n")
                .append("<div class=\"try-result\"></div>\n</section>\n");
        return out.toString();
    }

    private static void field(String opId, Field f, StringBuilder out) {
        Parameter p = f.parameter();
        Schema<?> s = f.schema();
        boolean required = Boolean.TRUE.equals(p.getRequired());
        String id = opId + "-try-" + p.getName();
        Object example = p.getExample() != null ? p.getExample() : s.getExample();
        List<String> rules = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        data(data, "in", p.getIn());
        if (required) {
            data(data, "required", "true");
        }
        if (s.getPattern() != null) {
            data(data, "pattern", s.getPattern());
            rules.add("pattern " + s.getPattern());
        }
        if (s.getMinLength() != null || s.getMaxLength() != null) {
            data(data, "min-length", s.getMinLength());
            data(data, "max-length", s.getMaxLength());
            rules.add(
                    s.getMinLength() != null && s.getMinLength().equals(s.getMaxLength())
                            ? s.getMinLength() + " characters"
                            : (s.getMinLength() == null ? "0" : s.getMinLength()) + " to "
                                    + (s.getMaxLength() == null ? "any number of" : s.getMaxLength()) + " characters");
        }
        if ("integer".equals(s.getType())) {
            data(data, "integer", "true");
            rules.add("integer");
        }
        if (s.getMinimum() != null) {
            data(data, "minimum", s.getMinimum().toPlainString());
            rules.add("at least " + s.getMinimum().toPlainString());
        }
        if (s.getMaximum() != null) {
            data(data, "maximum", s.getMaximum().toPlainString());
            rules.add("at most " + s.getMaximum().toPlainString());
        }
        if (s.getDefault() != null) {
            rules.add("default " + s.getDefault());
        }
        out.append("<div class=\"try-field\"><label for=\"")
                .append(Html.escape(id))
                .append("\">")
                .append(Html.code(p.getName()))
                .append(" <span class=\"keyword\">")
                .append(Html.escape(p.getIn()))
                .append("</span> ")
                .append(
                        required
                                ? "<span class=\"required\">required</span>"
                                : "<span class=\"optional\">optional</span>")
                .append("</label>\n");
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            // a list of the allowed values; an optional parameter may also be left out
            out.append("<select id=\"")
                    .append(Html.escape(id))
                    .append("\" name=\"")
                    .append(Html.escape(p.getName()))
                    .append('"')
                    .append(data)
                    .append(">");
            if (!required) {
                out.append("<option value=\"\">(not sent)</option>");
            }
            for (Object value : s.getEnum()) {
                String v = String.valueOf(value);
                out.append("<option value=\"")
                        .append(Html.escape(v))
                        .append("\"")
                        .append(required && v.equals(String.valueOf(example)) ? " selected" : "")
                        .append('>')
                        .append(Html.escape(v))
                        .append("</option>");
            }
            out.append("</select>\n");
        } else {
            // a required parameter starts with the document's example, an optional one empty (not sent)
            out.append("<input type=\"text\" id=\"")
                    .append(Html.escape(id))
                    .append("\" name=\"")
                    .append(Html.escape(p.getName()))
                    .append('"')
                    .append(data)
                    .append(" spellcheck=\"false\" value=\"")
                    .append(required && example != null ? Html.escape(String.valueOf(example)) : "")
                    .append('"');
            if (!required && example != null) {
                out.append(" placeholder=\"")
                        .append(Html.escape("e.g. " + example))
                        .append('"');
            }
            out.append(">\n");
        }
        out.append("<span class=\"try-rule\">")
                .append(Html.escape(String.join(" · ", rules)))
                .append("</span><span class=\"try-problem\"></span></div>\n");
    }

    private static void auth(String opId, List<Auth> auths, StringBuilder out) {
        out.append("<fieldset class=\"try-auth\"><legend>Authentication</legend>\n<div class=\"try-choices\">");
        boolean first = true;
        for (Auth auth : auths) {
            String value = Auth.HEADER.equals(auth.kind()) ? auth.header() : auth.kind();
            out.append("<label><input type=\"radio\" name=\"auth\" value=\"")
                    .append(Html.escape(value))
                    .append('"')
                    .append(first ? " checked" : "")
                    .append("> ")
                    .append(Html.escape(auth.label()))
                    .append("</label> ");
            first = false;
        }
        out.append("</div>\n");
        for (Auth auth : auths) {
            if (Auth.SIGNED.equals(auth.kind())) {
                out.append("<div class=\"try-credentials\" data-auth=\"aksk\">")
                        .append("<div class=\"try-field\"><label for=\"")
                        .append(Html.escape(opId + "-try-ak"))
                        .append("\">Access key (AK)</label><input type=\"text\" id=\"")
                        .append(Html.escape(opId + "-try-ak"))
                        .append("\" name=\"ak\" spellcheck=\"false\"></div>")
                        // a password field: not shown on screen or in a screenshot; autocomplete off: not saved
                        .append("<div class=\"try-field\"><label for=\"")
                        .append(Html.escape(opId + "-try-sk"))
                        .append("\">Secret key (SK)</label><input type=\"password\" id=\"")
                        .append(Html.escape(opId + "-try-sk"))
                        .append("\" name=\"sk\" autocomplete=\"off\" spellcheck=\"false\"></div></div>\n");
            } else if (Auth.HEADER.equals(auth.kind())) {
                String id = opId + "-try-" + Html.slug(auth.header());
                out.append("<div class=\"try-credentials\" data-auth=\"")
                        .append(Html.escape(auth.header()))
                        .append("\"><div class=\"try-field\"><label for=\"")
                        .append(Html.escape(id))
                        .append("\">")
                        .append(Html.code(auth.header()))
                        .append("</label><input type=\"password\" id=\"")
                        .append(Html.escape(id))
                        .append("\" name=\"")
                        .append(Html.escape(auth.header()))
                        .append("\" data-header=\"")
                        .append(Html.escape(auth.header()))
                        .append("\" autocomplete=\"off\" spellcheck=\"false\"></div></div>\n");
            }
        }
        out.append("</fieldset>\n");
    }

    private static void data(StringBuilder out, String name, Object value) {
        if (value != null) {
            out.append(" data-")
                    .append(name)
                    .append("=\"")
                    .append(Html.escape(String.valueOf(value)))
                    .append('"');
        }
    }

    /** The example as pretty JSON text. */
    static String pretty(Object example) {
        try {
            return PRETTY.writeValueAsString(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the example as JSON", e);
        }
    }
}
