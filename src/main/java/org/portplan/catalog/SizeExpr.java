package org.portplan.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A pool size formula over device parameters, e.g. {@code 2 * conversations} or
 * {@code 2 * conferences + 2 * clients + presenting-conferences}: integers, parameter names,
 * + - * and parentheses. Vendor documents give sizes this way, so the catalog keeps them
 * as written.
 */
public final class SizeExpr {

    private sealed interface Term permits Num, Var, Bin {
    }

    private record Num(long value) implements Term {
    }

    private record Var(String name) implements Term {
    }

    private record Bin(char op, Term left, Term right) implements Term {
    }

    private final String text;
    private final Term root;
    private final Set<String> params;

    private SizeExpr(String text, Term root, Set<String> params) {
        this.text = text;
        this.root = root;
        this.params = params;
    }

    /** Parses the formula; throws IllegalArgumentException with a readable reason. */
    public static SizeExpr parse(String text) {
        Parser p = new Parser(text);
        Term t = p.expr();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(p.pos) + "' in size formula '" + text + "'");
        }
        return new SizeExpr(text.trim(), t, Set.copyOf(p.names));
    }

    public String text() {
        return text;
    }

    /** Parameter names the formula uses. */
    public Set<String> params() {
        return new TreeSet<>(params);
    }

    /** The size, or empty when a parameter the formula needs has no value. */
    public Optional<Long> evaluate(Map<String, Long> values) {
        return eval(root, values);
    }

    private static Optional<Long> eval(Term t, Map<String, Long> values) {
        if (t instanceof Num n) {
            return Optional.of(n.value());
        }
        if (t instanceof Var v) {
            return Optional.ofNullable(values.get(v.name()));
        }
        Bin b = (Bin) t;
        Optional<Long> l = eval(b.left(), values);
        Optional<Long> r = eval(b.right(), values);
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (b.op()) {
            case '+' -> l.get() + r.get();
            case '-' -> l.get() - r.get();
            default -> l.get() * r.get();
        });
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int pos;
        private final Set<String> names = new TreeSet<>();

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        Term expr() {
            Term t = term();
            while (true) {
                skipSpace();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    t = new Bin(op, t, term());
                } else {
                    return t;
                }
            }
        }

        Term term() {
            Term t = factor();
            while (true) {
                skipSpace();
                if (pos < s.length() && s.charAt(pos) == '*') {
                    pos++;
                    t = new Bin('*', t, factor());
                } else {
                    return t;
                }
            }
        }

        Term factor() {
            skipSpace();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("size formula '" + s + "' ends too early");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Term t = expr();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') {
                    throw new IllegalArgumentException("missing ')' in size formula '" + s + "'");
                }
                pos++;
                return t;
            }
            int start = pos;
            if (Character.isDigit(c)) {
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos - start > 9) {
                    throw new IllegalArgumentException("number too large in size formula '" + s + "'");
                }
                return new Num(Long.parseLong(s.substring(start, pos)));
            }
            if (Character.isLetter(c)) {
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-' && pos + 1 < s.length() && Character.isLetter(s.charAt(pos + 1)))) {
                    pos++;
                }
                String name = s.substring(start, pos);
                names.add(name);
                return new Var(name);
            }
            throw new IllegalArgumentException("unexpected '" + c + "' in size formula '" + s + "'");
        }
    }
}
