package org.opendws.snapshot.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Pretty-printed JSON as HTML, with keys, strings, numbers and literals in spans for colour.
 * The text content is valid JSON (two-space indent), so a reader can copy it as is.
 */
final class JsonView {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonView() {
    }

    /** The value (a Jackson tree, or maps and lists as the OpenAPI parser gives them) as HTML. */
    static String toHtml(Object value) {
        StringBuilder out = new StringBuilder();
        write(MAPPER.valueToTree(value), "", out);
        return out.toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
        if (node.isObject()) {
            writeObject(node, indent, out);
        } else if (node.isArray()) {
            writeArray(node, indent, out);
        } else if (node.isTextual()) {
            span("j-str", quoted(node), out);
        } else if (node.isNumber()) {
            span("j-num", node.asText(), out);
        } else {
            span("j-lit", node.asText(), out);
        }
    }

    private static void writeObject(JsonNode node, String indent, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + "  ";
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.append(inner);
            span("j-key", quoted(MAPPER.getNodeFactory().textNode(field.getKey())), out);
            out.append(" : ");
            write(field.getValue(), inner, out);
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void writeArray(JsonNode node, String indent, StringBuilder out) {
        if (node.isEmpty()) {
            out.append("[]");
            return;
        }
        String inner = indent + "  ";
        out.append("[\n");
        for (int i = 0; i < node.size(); i++) {
            out.append(inner);
            write(node.get(i), inner, out);
            out.append(i + 1 < node.size() ? ",\n" : "\n");
        }
        out.append(indent).append(']');
    }

    private static String quoted(JsonNode text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
    }

    private static void span(String cssClass, String text, StringBuilder out) {
        out.append("<span class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</span>");
    }
}
