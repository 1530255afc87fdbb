package dev.bonfire.fhir.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps values of the resource out of messages. Parser, validator and domain messages quote what they
 * complain about ({@code The value '1980-13-01' is not a valid date}); a quoted text that occurs in the
 * received JSON as a value (a string or a number, not a property name) is replaced by {@code '…'}, so
 * a report, a log line or an HTTP answer never carries a name, a date or an identifier from the data.
 * Property names, codes the message made up, and rule names stay readable.
 */
final class Redaction {

    static final String MASK = "…";
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]{1,2000})'|\"([^\"\\n]{1,2000})\"");

    private final JsonNode root;
    private Set<String> values;

    private Redaction(JsonNode root) {
        this.root = root;
    }

    /** Redacts values of this JSON document. */
    static Redaction of(JsonNode root) {
        return new Redaction(root);
    }

    /**
     * For messages about text that could not be read as JSON: every quoted token longer than one character
     * is masked, except the property name of a duplicate (a name, not a value).
     */
    static String redactUnparsed(String message) {
        String text = firstLines(message).replace("[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ", "[");
        if (text.matches("Duplicate field '[^']{1,64}'")) {
            return text;
        }
        return replaceQuoted(text, quoted -> quoted.length() > 1);
    }

    String redact(String message) {
        if (message == null) {
            return null;
        }
        return replaceQuoted(firstLines(message), quoted -> values().contains(quoted));
    }

    private static String replaceQuoted(String text, java.util.function.Predicate<String> mask) {
        Matcher m = QUOTED.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean single = m.group(1) != null;
            String quoted = single ? m.group(1) : m.group(2);
            String replacement = mask.test(quoted) ? (single ? "'" + MASK + "'" : "\"" + MASK + "\"") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String firstLines(String message) {
        return message == null ? "" : message.lines().limit(3).reduce((a, b) -> a + " " + b).orElse("");
    }

    private Set<String> values() {
        if (values == null) {
            values = new HashSet<>();
            collect(root, values);
        }
        return values;
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!"resourceType".equals(field.getKey())) { // a type name is structure, not data
                    collect(field.getValue(), into);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, into));
        } else if (node.isTextual()) {
            String text = node.textValue();
            into.add(text);
            into.add(text.strip());
        } else if (node.isNumber()) {
            into.add(node.asText());
            if (node.isBigDecimal()) {
                into.add(node.decimalValue().toPlainString());
            }
        }
    }
}
