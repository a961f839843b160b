package org.frameinspector.core.filter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.frameinspector.core.filter.Lexer.T;
import org.frameinspector.core.filter.Lexer.Tok;

/**
 * Recursive descent over the tokens. Grammar (not binds tighter than and, and tighter than or):
 * <pre>
 * or      := and (('||' | 'or') and)*
 * and     := unary (('&&' | 'and') unary)*
 * unary   := ('!' | 'not') unary | '(' or ')' | test
 * test    := entity [ relop value | 'contains' literal | 'matches' "regex" | ['not'] 'in' '{' member* '}' ]
 * entity  := name ['[' range (',' range)* ']']
 * value   := literal | entity
 * </pre>
 */
final class Parser {
    private final String text;
    private final List<Tok> toks;
    private final FieldRegistry reg;
    private final Set<String> abbrevs = new LinkedHashSet<>();
    private int p;
    private int depth;
    /** Deeper nesting of '(' and 'not' is refused instead of overflowing the stack. */
    static final int MAX_DEPTH = 256;
    /** More '&&'/'||' than this is refused: the left-deep tree they build is walked recursively. */
    static final int MAX_OPERATORS = 1000;
    private int operators;

    private Parser(String text, FieldRegistry reg) {
        this.text = text;
        this.toks = Lexer.lex(text);
        this.reg = reg;
    }

    record Result(Node root, Set<String> abbrevs) {
    }

    static Result parse(String text, FieldRegistry reg) {
        Parser ps = new Parser(text, reg);
        Node n = ps.or();
        Tok t = ps.peek();
        if (t.type() != T.EOF) {
            if (t.type() == T.RPAREN) throw ps.error("unexpected ')' (no '(' to close)", t);
            throw ps.error("unexpected " + t + "; expected '&&', '||' or the end of the filter", t);
        }
        return new Result(n, Set.copyOf(ps.abbrevs));
    }

    private Tok peek() { return toks.get(p); }

    private Tok peek2() { return toks.get(Math.min(p + 1, toks.size() - 1)); }

    private Tok take() { return toks.get(p++); }

    private FilterSyntaxException error(String reason, Tok at) {
        return new FilterSyntaxException(reason, at.pos(), at.len());
    }

    private Node or() {
        Node a = and();
        while (peek().type() == T.OR) {
            Tok op = take();
            if (++operators > MAX_OPERATORS) {
                throw error("filter too long (more than " + MAX_OPERATORS + " '&&' and '||')", op);
            }
            a = new Node.Or(a, and());
        }
        return a;
    }

    private Node and() {
        Node a = unary();
        while (peek().type() == T.AND) {
            Tok op = take();
            if (++operators > MAX_OPERATORS) {
                throw error("filter too long (more than " + MAX_OPERATORS + " '&&' and '||')", op);
            }
            a = new Node.And(a, unary());
        }
        return a;
    }

    private Node unary() {
        Tok t = peek();
        if (depth >= MAX_DEPTH) throw error("filter nested too deeply (more than " + MAX_DEPTH + " levels of '(' or 'not')", t);
        depth++;
        try {
            return unary(t);
        } finally {
            depth--;
        }
    }

    private Node unary(Tok t) {
        switch (t.type()) {
            case NOT:
                take();
                return new Node.Not(unary());
            case LPAREN: {
                take();
                Node n = or();
                Tok c = peek();
                if (c.type() != T.RPAREN) {
                    throw error("expected ')' to close the '(' at column " + (t.pos() + 1) + ", found " + c, c);
                }
                take();
                return n;
            }
            case WORD:
                return test();
            case RPAREN:
                throw error("unexpected ')'", t);
            case EOF:
                throw error("unexpected end of filter; expected a field, a protocol or '('", t);
            case OP:
                throw error("expected a field or protocol name before '" + t.text() + "'", t);
            case STRING, CHAR:
                throw error("expected a field or protocol name, found a value; write the field first, e.g. "
                        + "frame.comment == \"text\"", t);
            default:
                throw error("unexpected " + t, t);
        }
    }

    private Node test() {
        Entity x = entity(take());
        Tok t = peek();
        if (t.type() == T.NOT && peek2().type() == T.OP && peek2().text().equals("in")) {
            take();
            take();
            return new Node.In(x, set(), true);
        }
        if (t.type() != T.OP) return new Node.Exists(x);
        take();
        switch (t.text()) {
            case "contains": {
                Tok v = take();
                Literal l = literal(v);
                if (l == null) {
                    if (v.type() == T.WORD && isName(v.text())) {
                        throw error("'contains' needs a value (\"text\" or bytes like 03:00), not a field", v);
                    }
                    throw error(valueProblem(v, t), v);
                }
                return new Node.Contains(x, l);
            }
            case "matches": {
                Tok v = take();
                if (v.type() != T.STRING) throw error("'matches' needs a regular expression in double quotes", v);
                try {
                    return new Node.Matches(x, Pattern.compile(v.text()));
                } catch (PatternSyntaxException e) {
                    throw error("invalid regular expression: " + e.getDescription(), v);
                }
            }
            case "in":
                return new Node.In(x, set(), false);
            default: {
                Node.Op op = Node.Op.of(t.text());
                Tok v = take();
                Literal l = literal(v);
                if (l != null) return new Node.CompareLit(x, op, l);
                if (v.type() == T.WORD && isName(v.text())) return new Node.CompareField(x, op, entity(v));
                throw error(valueProblem(v, t), v);
            }
        }
    }

    private String valueProblem(Tok v, Tok op) {
        if (v.type() == T.EOF) return "unexpected end of filter; expected a value after '" + op.text() + "'";
        if (v.type() != T.WORD) return "expected a value after '" + op.text() + "', found " + v;
        return "'" + v.text() + "' is not a valid value; use a number, bytes like 03:00, an address, "
                + "\"quoted text\" or a field name";
    }

    /** A literal from a value token, or null when the token is none (a field name, an operator …). */
    private static Literal literal(Tok v) {
        return switch (v.type()) {
            case STRING -> Literal.string(v.text(), v.bytes());
            case CHAR -> Literal.number(Long.parseLong(v.text()));
            case WORD -> Literal.word(v.text());
            default -> null;
        };
    }

    private Literal[][] set() {
        Tok open = take();
        if (open.type() != T.LBRACE) throw error("expected '{' after 'in', found " + open, open);
        List<Literal[]> out = new ArrayList<>();
        while (true) {
            Tok t = take();
            if (t.type() == T.RBRACE) break;
            if (t.type() == T.COMMA && !out.isEmpty()) continue;
            if (t.type() == T.EOF) throw error("expected '}' to close the '{' at column " + (open.pos() + 1), t);
            int dots = t.type() == T.WORD ? t.text().indexOf("..") : -1;
            if (dots > 0) {
                Literal lo = Literal.word(t.text().substring(0, dots));
                Literal hi = Literal.word(t.text().substring(dots + 2));
                if (lo == null || hi == null) throw error("'" + t.text() + "' is not a valid range (use lo..hi)", t);
                out.add(new Literal[] {lo, hi});
                continue;
            }
            Literal l = literal(t);
            if (l == null) throw error("expected a value or '}' in the set, found " + t, t);
            out.add(new Literal[] {l});
        }
        if (out.isEmpty()) throw error("empty set", open);
        return out.toArray(new Literal[0][]);
    }

    /** letters, digits, '_' and '-' in dot-separated parts; the first starts with a letter or '_'. */
    static boolean isName(String w) {
        if (w.isEmpty()) return false;
        char c0 = w.charAt(0);
        if (!(Character.isLetter(c0) || c0 == '_')) return false;
        char prev = 0;
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-' || c == '.';
            if (!ok || (c == '.' && (prev == '.' || k == w.length() - 1))) return false;
            prev = c;
        }
        return true;
    }

    private Entity entity(Tok t) {
        String w = t.text();
        if (!isName(w)) {
            if (Literal.word(w) != null) {
                throw error("expected a field or protocol name, found the value '" + w
                        + "'; write the field first, e.g. tcp.port == 102", t);
            }
            throw error("'" + w + "' is not a valid field name", t);
        }
        String problem = reg.check(w);
        if (problem != null) throw error(problem, t);
        Entity x;
        if (w.equals("frame") || w.startsWith("frame.")) {
            x = new Entity.FrameAttr(w);
        } else if (w.equals("finding") || w.startsWith("finding.")) {
            x = new Entity.FindingAttr(w);
        } else {
            x = new Entity.Named(w, FieldRegistry.ALIASES.getOrDefault(w, List.of()), reg.isProtocol(w));
        }
        abbrevs.addAll(x.abbrevs());
        if (peek().type() == T.LBRACKET) x = slice(x, take());
        return x;
    }

    private Entity slice(Entity x, Tok open) {
        List<int[]> ranges = new ArrayList<>();
        while (true) {
            Tok t = take();
            if (t.type() == T.RBRACKET && !ranges.isEmpty()) break;
            if (t.type() == T.COMMA && !ranges.isEmpty()) continue;
            if (t.type() != T.WORD) {
                throw error("expected a byte range like [0], [2:2], [1-3] or [4:], found " + t, t);
            }
            int[] r = range(t.text());
            if (r == null) throw error("'" + t.text() + "' is not a byte range; use [i], [i:len], [i-j], [i:] or [:len]", t);
            ranges.add(r);
        }
        String desc = x + text.substring(open.pos(), toks.get(p - 1).pos() + 1);
        return new Entity.Slice(x, ranges.toArray(new int[0][]), desc);
    }

    /** {start, length} with length -1 meaning "to the end"; null if malformed. */
    private static int[] range(String s) {
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String a = s.substring(0, colon), b = s.substring(colon + 1);
            Long start = a.isEmpty() ? Long.valueOf(0) : index(a);
            Long len = b.isEmpty() ? Long.valueOf(-1) : index(b);
            if (start == null || len == null || (!b.isEmpty() && len < 0)) return null;
            return new int[] {start.intValue(), len.intValue()};
        }
        int dash = s.indexOf('-', 1);
        if (dash > 0) {
            Long i = index(s.substring(0, dash)), j = index(s.substring(dash + 1));
            if (i == null || j == null || i < 0 || j < i) return null;
            return new int[] {i.intValue(), (int) (j - i + 1)};
        }
        Long i = index(s);
        return i == null ? null : new int[] {i.intValue(), 1};
    }

    private static Long index(String s) {
        Long v = Literal.integer(s);
        if (v == null || v > 1_000_000 || v < -1_000_000 || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) return null;
        return v;
    }
}
