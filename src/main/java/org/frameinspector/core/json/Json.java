package org.frameinspector.core.json;

/** A small streaming JSON writer (no dependency needed for our one document shape). */
public final class Json {
    private final StringBuilder sb;
    private boolean needComma;

    public Json(StringBuilder sb) {
        this.sb = sb;
    }

    public Json() {
        this(new StringBuilder(4096));
    }

    private void sep() {
        if (needComma) sb.append(',');
        needComma = false;
    }

    public Json obj() { sep(); sb.append('{'); return this; }
    public Json endObj() { sb.append('}'); needComma = true; return this; }
    public Json arr() { sep(); sb.append('['); return this; }
    public Json endArr() { sb.append(']'); needComma = true; return this; }

    public Json key(String k) {
        sep();
        str(k);
        sb.append(':');
        needComma = false;
        return this;
    }

    public Json value(String v) {
        sep();
        if (v == null) sb.append("null");
        else str(v);
        needComma = true;
        return this;
    }

    public Json value(long v) {
        sep();
        sb.append(v);
        needComma = true;
        return this;
    }

    public Json value(boolean v) {
        sep();
        sb.append(v);
        needComma = true;
        return this;
    }

    public Json nul() {
        sep();
        sb.append("null");
        needComma = true;
        return this;
    }

    public Json put(String k, String v) { return key(k).value(v); }
    public Json put(String k, long v) { return key(k).value(v); }
    public Json put(String k, boolean v) { return key(k).value(v); }

    private void str(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
