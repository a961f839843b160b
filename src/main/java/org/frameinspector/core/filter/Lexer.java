package org.frameinspector.core.filter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits filter text into tokens. Words (names and unquoted values) are runs of letters, digits and {@code _.:-/}. */
final class Lexer {
    enum T { WORD, STRING, CHAR, LPAREN, RPAREN, LBRACE, RBRACE, LBRACKET, RBRACKET, COMMA, OP, AND, OR, NOT, EOF }

    /** One token; {@code text} is the unescaped contents for strings, the operator name for OP. */
    record Tok(T type, String text, int pos, int len, byte[] bytes) {
        @Override
        public String toString() {
            return type == T.EOF ? "end of filter" : "'" + text + "'";
        }
    }

    private final String s;
    private int i;

    private Lexer(String s) {
        this.s = s;
    }

    static List<Tok> lex(String text) {
        Lexer l = new Lexer(text);
        List<Tok> out = new ArrayList<>();
        Tok t;
        do {
            t = l.next();
            out.add(t);
        } while (t.type() != T.EOF);
        return out;
    }

    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                || c == ':' || c == '-' || c == '/';
    }

    private Tok tok(T t, String text, int start) {
        return new Tok(t, text, start, i - start, null);
    }

    private Tok next() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        int start = i;
        if (i >= s.length()) return new Tok(T.EOF, "", i, 0, null);
        char c = s.charAt(i);
        char n = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
        char n2 = i + 2 < s.length() ? s.charAt(i + 2) : '\0';
        switch (c) {
            case '(': i++; return tok(T.LPAREN, "(", start);
            case ')': i++; return tok(T.RPAREN, ")", start);
            case '{': i++; return tok(T.LBRACE, "{", start);
            case '}': i++; return tok(T.RBRACE, "}", start);
            case '[': i++; return tok(T.LBRACKET, "[", start);
            case ']': i++; return tok(T.RBRACKET, "]", start);
            case ',': i++; return tok(T.COMMA, ",", start);
            case '"': return string();
            case '\'': return charConst();
            case '&':
                if (n == '&') { i += 2; return tok(T.AND, "&&", start); }
                throw new FilterSyntaxException("'&' is not an operator; use '&&' or 'and'", start, 1);
            case '|':
                if (n == '|') { i += 2; return tok(T.OR, "||", start); }
                throw new FilterSyntaxException("'|' is not an operator; use '||' or 'or'", start, 1);
            case '=':
                if (n == '=' && n2 == '=') { i += 3; return tok(T.OP, "===", start); }
                if (n == '=') { i += 2; return tok(T.OP, "==", start); }
                throw new FilterSyntaxException("'=' is not an operator; use '==' to compare", start, 1);
            case '!':
                if (n == '=' && n2 == '=') { i += 3; return tok(T.OP, "!==", start); }
                if (n == '=') { i += 2; return tok(T.OP, "!=", start); }
                i++;
                return tok(T.NOT, "!", start);
            case '~':
                if (n == '=') { i += 2; return tok(T.OP, "!==", start); }
                i++;
                return tok(T.OP, "matches", start);
            case '<':
                if (n == '=') { i += 2; return tok(T.OP, "<=", start); }
                i++;
                return tok(T.OP, "<", start);
            case '>':
                if (n == '=') { i += 2; return tok(T.OP, ">=", start); }
                i++;
                return tok(T.OP, ">", start);
            default:
                break;
        }
        if (!isWordChar(c)) {
            throw new FilterSyntaxException("unexpected character '" + c + "'", start, 1);
        }
        while (i < s.length() && isWordChar(s.charAt(i))) i++;
        String w = s.substring(start, i);
        switch (w.toLowerCase(java.util.Locale.ROOT)) {
            case "and": return tok(T.AND, w, start);
            case "or": return tok(T.OR, w, start);
            case "not": return tok(T.NOT, w, start);
            case "eq", "any_eq": return tok(T.OP, "==", start);
            case "ne", "all_ne": return tok(T.OP, "!=", start);
            case "all_eq": return tok(T.OP, "===", start);
            case "any_ne": return tok(T.OP, "!==", start);
            case "lt": return tok(T.OP, "<", start);
            case "gt": return tok(T.OP, ">", start);
            case "le": return tok(T.OP, "<=", start);
            case "ge": return tok(T.OP, ">=", start);
            case "contains": return tok(T.OP, "contains", start);
            case "matches": return tok(T.OP, "matches", start);
            case "in": return tok(T.OP, "in", start);
            default: return tok(T.WORD, w, start);
        }
    }

    /** A double-quoted string with C-style escapes: \\ \" \n \r \t \0 \xhh \ooo (octal); kept as raw bytes too. */
    private Tok string() {
        int start = i++;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw new FilterSyntaxException("unterminated string (missing closing '\"')", start, s.length() - start);
            }
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                break;
            }
            if (c != '\\') {
                run.append(c);
                i++;
                continue;
            }
            int esc = i;
            if (i + 1 >= s.length()) {
                throw new FilterSyntaxException("unterminated string (missing closing '\"')", start, s.length() - start);
            }
            char e = s.charAt(i + 1);
            i += 2;
            int v;
            switch (e) {
                case '\\', '"', '\'' -> v = e;
                case 'n' -> v = '\n';
                case 'r' -> v = '\r';
                case 't' -> v = '\t';
                case 'a' -> v = 7;
                case 'b' -> v = 8;
                case 'f' -> v = 12;
                case 'v' -> v = 11;
                case 'x' -> {
                    int h = 0, digits = 0;
                    while (digits < 2 && i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                        h = h * 16 + Character.digit(s.charAt(i++), 16);
                        digits++;
                    }
                    if (digits == 0) throw new FilterSyntaxException("'\\x' needs one or two hex digits", esc, 2);
                    v = h;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int o = e - '0', digits = 1;
                        while (digits < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                            o = o * 8 + (s.charAt(i++) - '0');
                            digits++;
                        }
                        if (o > 255) throw new FilterSyntaxException("octal escape above \\377", esc, i - esc);
                        v = o;
                    } else {
                        throw new FilterSyntaxException("unknown escape '\\" + e + "' in string", esc, 2);
                    }
                }
            }
            flush(run, b);
            b.write(v);
        }
        flush(run, b);
        byte[] bytes = b.toByteArray();
        // text: the bytes as UTF-8 when valid, else one char per byte
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) text = new String(bytes, StandardCharsets.ISO_8859_1);
        return new Tok(T.STRING, text, start, i - start, bytes);
    }

    private static void flush(StringBuilder run, ByteArrayOutputStream b) {
        if (run.length() == 0) return;
        byte[] u = run.toString().getBytes(StandardCharsets.UTF_8);
        b.write(u, 0, u.length);
        run.setLength(0);
    }

    /** 'a' or '\n' or '\x41': a character constant, which is a number. */
    private Tok charConst() {
        int start = i;
        int end = s.indexOf('\'', i + 1);
        if (end > 0 && s.charAt(end - 1) == '\\' && end == i + 2) end = s.indexOf('\'', end + 1);
        if (end < 0) throw new FilterSyntaxException("unterminated character constant", start, s.length() - start);
        String inner = s.substring(i + 1, end);
        i = end + 1;
        long v;
        if (inner.length() == 1 && inner.charAt(0) != '\\') {
            v = inner.charAt(0);
        } else {
            // reuse the string rules for the escape
            Lexer l = new Lexer("\"" + inner + "\"");
            Tok t;
            try {
                t = l.string();
            } catch (FilterSyntaxException e) {
                throw new FilterSyntaxException(e.reason(), start, i - start);
            }
            if (t.bytes().length != 1) throw new FilterSyntaxException("a character constant holds one character",
                    start, i - start);
            v = t.bytes()[0] & 0xFF;
        }
        return new Tok(T.CHAR, Long.toString(v), start, i - start, null);
    }
}
