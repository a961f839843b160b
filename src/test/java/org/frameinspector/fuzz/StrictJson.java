package org.frameinspector.fuzz;

/** A strict RFC 8259 validator: one value, nothing after it, no NaN, no trailing commas, no raw control characters. */
final class StrictJson {
    private final String s;
    private int i;
    private int depth;

    private StrictJson(String s) {
        this.s = s;
    }

    /** Null when valid, else what is wrong and where. */
    static String check(String s) {
        StrictJson p = new StrictJson(s);
        try {
            p.ws();
            p.value();
            p.ws();
            if (p.i != s.length()) return p.err("text after the value");
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String err(String what) {
        int a = Math.max(0, i - 30), b = Math.min(s.length(), i + 30);
        return what + " at " + i + ": …" + s.substring(a, b).replace("\n", "\\n") + "…";
    }

    private void fail(String what) {
        throw new IllegalArgumentException(err(what));
    }

    private void ws() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) i++;
    }

    private char peek() {
        if (i >= s.length()) fail("unexpected end");
        return s.charAt(i);
    }

    private void value() {
        if (++depth > 512) fail("nesting too deep");
        char c = peek();
        switch (c) {
            case '{' -> {
                i++;
                ws();
                if (peek() == '}') {
                    i++;
                    break;
                }
                while (true) {
                    ws();
                    if (peek() != '"') fail("object key expected");
                    string();
                    ws();
                    if (peek() != ':') fail("':' expected");
                    i++;
                    ws();
                    value();
                    ws();
                    char d = peek();
                    i++;
                    if (d == '}') break;
                    if (d != ',') fail("',' or '}' expected");
                }
            }
            case '[' -> {
                i++;
                ws();
                if (peek() == ']') {
                    i++;
                    break;
                }
                while (true) {
                    ws();
                    value();
                    ws();
                    char d = peek();
                    i++;
                    if (d == ']') break;
                    if (d != ',') fail("',' or ']' expected");
                }
            }
            case '"' -> string();
            case 't' -> lit("true");
            case 'f' -> lit("false");
            case 'n' -> lit("null");
            default -> number();
        }
        depth--;
    }

    private void lit(String w) {
        if (!s.startsWith(w, i)) fail("bad literal");
        i += w.length();
    }

    private void string() {
        i++;
        while (true) {
            char c = peek();
            i++;
            if (c == '"') return;
            if (c < 0x20) fail("raw control character in string");
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i < s.length() && Character.isLowSurrogate(s.charAt(i))) i++;
                else fail("lone surrogate in string");
            }
            if (c == '\\') {
                char e = peek();
                i++;
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(peek(), 16) < 0) fail("bad \\u escape");
                        i++;
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) fail("bad escape");
            }
        }
    }

    private void number() {
        int st = i;
        if (i < s.length() && s.charAt(i) == '-') i++;
        if (i >= s.length()) fail("bad number");
        if (s.charAt(i) == '0') i++;
        else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        else fail("unexpected character");
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            int d = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            if (d == i) fail("digits expected after '.'");
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int d = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            if (d == i) fail("exponent digits expected");
        }
        if (st == i) fail("number expected");
    }
}
