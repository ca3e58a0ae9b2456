package org.edgeslice.meo.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.edgeslice.support.problem.ProblemException;

/**
 * The attribute-based filtering and selectors of the MEC 010-2 GET collections (ETSI GS MEC 009 clause 6.19
 * / 6.18, as in NFV-SOL 013 clause 5.2-5.3).
 * <ul>
 *   <li>{@code filter=(op,attr,value[,value...]);(op,attr,...)} — all terms must hold; {@code attr} is a path
 *   with {@code /} between attribute names (arrays match when any element matches); ops eq, neq, in, nin, gt,
 *   gte, lt, lte, cont, ncont. Values may be quoted with single quotes (for commas).</li>
 *   <li>{@code all_fields}, {@code fields=a,b/c}, {@code exclude_fields=a,b/c}, {@code exclude_default}.
 *   {@code fields} keeps only the named attributes (plus {@code id} and {@code _links}); the others remove.
 *   Without any selector every attribute is returned (the resources here have no large default-excluded
 *   attributes except those listed per resource in {@code defaultExcluded}).</li>
 * </ul>
 */
public final class AttributeSelector {

    private static final Set<String> OPS = Set.of("eq", "neq", "in", "nin", "gt", "gte", "lt", "lte", "cont", "ncont");

    private record Term(String op, List<String> path, List<String> values) {
    }

    private final List<Term> terms;
    private final boolean allFields;
    private final List<List<String>> fields;
    private final List<List<String>> excludeFields;
    private final boolean excludeDefault;

    private AttributeSelector(List<Term> terms, boolean allFields, List<List<String>> fields,
                              List<List<String>> excludeFields, boolean excludeDefault) {
        this.terms = terms;
        this.allFields = allFields;
        this.fields = fields;
        this.excludeFields = excludeFields;
        this.excludeDefault = excludeDefault;
    }

    /**
     * Parses the query parameters; {@code allFields}/{@code excludeDefault} are the raw values (null when absent,
     * usually "" when present as flags).
     */
    public static AttributeSelector parse(String filter, String allFields, String fields, String excludeFields,
                                          String excludeDefault) {
        boolean all = flag(allFields, "all_fields");
        boolean exDef = flag(excludeDefault, "exclude_default");
        if (all && (fields != null || excludeFields != null || exDef)) {
            throw ProblemException.badRequest("all_fields cannot be combined with fields, exclude_fields or exclude_default");
        }
        if (fields != null && excludeFields != null) {
            throw ProblemException.badRequest("fields and exclude_fields cannot be combined");
        }
        return new AttributeSelector(filter == null ? List.of() : parseFilter(filter), all, paths(fields, "fields"),
                paths(excludeFields, "exclude_fields"), exDef);
    }

    private static boolean flag(String value, String name) {
        if (value == null) {
            return false;
        }
        if (!value.isEmpty() && !value.equalsIgnoreCase("true")) {
            throw ProblemException.badRequest(name + " takes no value");
        }
        return true;
    }

    private static List<List<String>> paths(String csv, String name) {
        if (csv == null) {
            return null;
        }
        if (csv.isBlank()) {
            throw ProblemException.badRequest(name + " needs at least one attribute name");
        }
        List<List<String>> out = new ArrayList<>();
        for (String p : csv.split(",")) {
            if (p.isBlank()) {
                throw ProblemException.badRequest(name + ": empty attribute name");
            }
            out.add(Arrays.asList(p.trim().split("/")));
        }
        return out;
    }

    static List<Term> parseFilter(String filter) {
        if (filter.isBlank()) {
            throw ProblemException.badRequest("filter is empty");
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : splitTop(filter, ';')) {
            String t = raw.trim();
            if (!t.startsWith("(") || !t.endsWith(")")) {
                throw ProblemException.badRequest("filter term '" + t + "' must be written (op,attribute,value)");
            }
            List<String> parts = splitTop(t.substring(1, t.length() - 1), ',');
            if (parts.size() < 3) {
                throw ProblemException.badRequest("filter term '" + t + "' needs an operator, an attribute and a value");
            }
            String op = parts.get(0).trim();
            if (!OPS.contains(op)) {
                throw ProblemException.badRequest("filter operator '" + op + "' is not one of " + OPS);
            }
            List<String> values = new ArrayList<>();
            for (String v : parts.subList(2, parts.size())) {
                String s = v.trim();
                if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
                    s = s.substring(1, s.length() - 1).replace("''", "'");
                }
                values.add(s);
            }
            if (values.size() > 1 && !Set.of("in", "nin", "cont", "ncont").contains(op)) {
                throw ProblemException.badRequest("filter operator '" + op + "' takes one value");
            }
            terms.add(new Term(op, Arrays.asList(parts.get(1).trim().split("/")), values));
        }
        return terms;
    }

    private static List<String> splitTop(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (c == sep && !quoted && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Filters and projects a collection of representations. */
    public ArrayNode apply(List<JsonNode> items, Set<String> defaultExcluded) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : items) {
            if (terms.stream().allMatch(t -> holds(t, item))) {
                out.add(project((ObjectNode) item.deepCopy(), defaultExcluded));
            }
        }
        return out;
    }

    private JsonNode project(ObjectNode item, Set<String> defaultExcluded) {
        if (allFields) {
            return item;
        }
        if (fields != null) {
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            copy(item, kept, List.of("id"));
            copy(item, kept, List.of("_links"));
            for (List<String> p : fields) {
                copy(item, kept, p);
            }
            return kept;
        }
        if (excludeDefault) {
            defaultExcluded.forEach(item::remove);
        }
        if (excludeFields != null) {
            for (List<String> p : excludeFields) {
                remove(item, p);
            }
        }
        return item;
    }

    private static void copy(JsonNode from, ObjectNode to, List<String> path) {
        JsonNode src = from;
        ObjectNode dst = to;
        for (int i = 0; i < path.size(); i++) {
            String name = path.get(i);
            JsonNode next = src.get(name);
            if (next == null) {
                return;
            }
            if (i == path.size() - 1 || !next.isObject()) {
                dst.set(name, next.deepCopy());
                return;
            }
            JsonNode existing = dst.get(name);
            ObjectNode child = existing instanceof ObjectNode o ? o : dst.putObject(name);
            src = next;
            dst = child;
        }
    }

    private static void remove(ObjectNode item, List<String> path) {
        JsonNode node = item;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.get(path.get(i));
            if (node == null || !node.isObject()) {
                return;
            }
        }
        ((ObjectNode) node).remove(path.get(path.size() - 1));
    }

    private static boolean holds(Term t, JsonNode item) {
        List<JsonNode> found = new ArrayList<>();
        collect(item, t.path(), 0, found);
        boolean negative = t.op().equals("neq") || t.op().equals("nin") || t.op().equals("ncont");
        if (found.isEmpty()) {
            return negative;
        }
        boolean any = found.stream().anyMatch(v -> test(positive(t.op()), v, t.values()));
        return negative ? !any : any;
    }

    private static String positive(String op) {
        return switch (op) {
            case "neq" -> "eq";
            case "nin" -> "in";
            case "ncont" -> "cont";
            default -> op;
        };
    }

    private static void collect(JsonNode node, List<String> path, int i, List<JsonNode> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(e -> collect(e, path, i, out));
            return;
        }
        if (i == path.size()) {
            out.add(node);
            return;
        }
        collect(node.get(path.get(i)), path, i + 1, out);
    }

    private static boolean test(String op, JsonNode v, List<String> values) {
        String s = v.isValueNode() ? v.asText() : v.toString();
        return switch (op) {
            case "eq", "in" -> values.contains(s);
            case "cont" -> values.stream().anyMatch(s::contains);
            case "gt", "gte", "lt", "lte" -> compare(op, v, values.get(0));
            default -> false;
        };
    }

    private static boolean compare(String op, JsonNode v, String value) {
        int c;
        if (v.isNumber()) {
            try {
                c = Double.compare(v.asDouble(), Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("filter value '" + value + "' is not a number");
            }
        } else {
            c = v.asText().compareTo(value);
        }
        return switch (op) {
            case "gt" -> c > 0;
            case "gte" -> c >= 0;
            case "lt" -> c < 0;
            default -> c <= 0;
        };
    }
}
