package jp.otasuke.ingest.intake.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A few chosen fields of a JSON object line, read in one streaming pass without building the line's tree. Suricata
 * writes some forty fields per alert line and its alerts come by the hundred thousand: building the tree of every
 * line and then asking it for fifteen fields was a seventh of the NDJSON path's CPU (JFR, 2026-12-02).
 *
 * <p>Reads exactly what {@link Json#object} and {@link Json#text} read: the whole line is still parsed, so a line
 * that is not valid JSON is refused as before; a key given twice counts as its last occurrence (also for a nested
 * object, which the last one replaces whole); a number reads as its value (an unsigned 64-bit flow id stays exact);
 * a field holding an object or array reads as that JSON; null and "" read as absent.
 */
final class JsonFields<F extends Enum<F> & JsonFields.Field> {

    /** A field to read: its dotted path in the object ("alert.metadata.former_category"). */
    interface Field {
        String path();
    }

    /** The fields read from one line. */
    static final class Values<F extends Enum<F>> {

        private final String[] texts;
        private final boolean[] objects;

        private Values(int paths, int nodes) {
            this.texts = new String[paths];
            this.objects = new boolean[nodes];
        }

        /** The text of the field, as {@link Json#text} reads it; null when absent. */
        String text(F field) {
            return texts[field.ordinal()];
        }
    }

    /** One key of the paths: the fields read at it, or the keys below it. */
    private static final class Node {
        final int id;
        final Map<String, Node> children = new HashMap<>();
        int path = -1;
        /** The paths read at this node and below it: forgotten when a repeated key replaces the node. */
        int[] under = new int[0];

        Node(int id) {
            this.id = id;
        }
    }

    private final int paths;
    private final List<Node> nodes = new ArrayList<>();
    private final Node root;

    JsonFields(Class<F> fields) {
        F[] all = fields.getEnumConstants();
        this.paths = all.length;
        this.root = node();
        for (int i = 0; i < all.length; i++) {
            Node n = root;
            for (String key : all[i].path().split("\\.")) {
                n.under = append(n.under, i);
                n = n.children.computeIfAbsent(key, k -> node());
            }
            n.under = append(n.under, i);
            n.path = i;
        }
    }

    /** Index of a dotted object path above some field (see {@link #isObject}). */
    int objectIndex(String dottedPath) {
        Node n = root;
        for (String key : dottedPath.split("\\.")) {
            n = n.children.get(key);
            if (n == null) {
                throw new IllegalArgumentException("no field is read under " + dottedPath);
            }
        }
        return n.id;
    }

    /** Whether the key at this node (see {@link #objectIndex}) held an object, the last time it was given. */
    static boolean isObject(Values<?> values, int objectIndex) {
        return values.objects[objectIndex];
    }

    /** The chosen fields of the line, or null when the line is not a JSON object. */
    Values<F> read(String line) {
        Values<F> values = new Values<>(paths, nodes.size());
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            object(parser, root, values);
            return values;
        } catch (Exception e) {
            return null; // as Json.object: whatever the parser refuses is not a JSON object
        }
    }

    private void object(JsonParser parser, Node node, Values<F> values) throws java.io.IOException {
        values.objects[node.id] = true;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Node child = node.children.get(parser.currentName());
            JsonToken value = parser.nextToken();
            if (child == null) {
                parser.skipChildren();
                continue;
            }
            for (int path : child.under) {
                values.texts[path] = null; // a repeated key replaces whatever its first occurrence held
            }
            values.objects[child.id] = false;
            if (child.path >= 0) {
                values.texts[child.path] = text(parser, value);
            } else if (value == JsonToken.START_OBJECT) {
                object(parser, child, values);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** What {@link Json#text} reads of the value the parser is at. */
    private static String text(JsonParser parser, JsonToken value) throws java.io.IOException {
        String text = switch (value) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue().toString(); // Integer, Long or BigInteger, as the tree
            case VALUE_NUMBER_FLOAT -> Double.toString(parser.getDoubleValue()); // the tree's DoubleNode
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case START_OBJECT, START_ARRAY -> parser.readValueAsTree().toString();
            default -> null; // VALUE_NULL
        };
        return text == null || text.isEmpty() ? null : text;
    }

    private Node node() {
        Node n = new Node(nodes.size());
        nodes.add(n);
        return n;
    }

    private static int[] append(int[] values, int value) {
        int[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }
}
