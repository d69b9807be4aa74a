package org.opendws.snapshot.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;

/**
 * Pretty-printed JSON as HTML, with keys, strings, numbers and literals in spans for colour.
 * The text content is valid JSON (two-space indent), so a reader can copy it as is.
 */
final class JsonView {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonView() {}

    /** The value (a Jackson tree, or maps and lists as the OpenAPI parser gives them) as HTML. */
    static String toHtml(Object value) {
        StringBuilder out = new StringBuilder();
        write(MAPPER.valueToTree(value), "", out);
        return out.toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node.isContainerNode()) {
            writeContainer(node, indent, out);
        } else if (node.isTextual()) {
            span("j-str", quoted(node), out);
        } else if (node.isNumber()) {
            span("j-num", node.asText(), out);
        } else {
            span("j-lit", node.asText(), out);
        }
    }

    /** An object or an array, one member a line, indented by two spaces a level. */
    private static void writeContainer(JsonNode node, String indent, StringBuilder out) {
        boolean object = node.isObject();
        if (node.isEmpty()) {
            out.append(object ? "{}" : "[]");
            return;
        }
        String inner = indent + "  ";
        out.append(object ? "{\n" : "[\n");
        Iterator<String> names = node.fieldNames(); // in the order of elements(); none for an array
        Iterator<JsonNode> values = node.elements();
        while (values.hasNext()) {
            JsonNode value = values.next();
            out.append(inner);
            if (object) {
                span("j-key", quoted(MAPPER.getNodeFactory().textNode(names.next())), out);
                out.append(" : ");
            }
            write(value, inner, out);
            out.append(values.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append(object ? '}' : ']');
    }

    private static String quoted(JsonNode text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
    }

    private static void span(String cssClass, String text, StringBuilder out) {
        out.append("<span class=\"")
                .append(cssClass)
                .append("\">")
                .append(Html.escape(text))
                .append("</span>");
    }
}
