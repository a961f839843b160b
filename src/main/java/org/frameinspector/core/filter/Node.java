package org.frameinspector.core.filter;

import java.util.List;
import java.util.regex.Pattern;

/** A compiled filter: a tree of immutable predicates. */
abstract class Node {
    abstract boolean eval(Eval e);

    static final class And extends Node {
        final Node a, b;

        And(Node a, Node b) {
            this.a = a;
            this.b = b;
        }

        @Override
        boolean eval(Eval e) { return a.eval(e) && b.eval(e); }

        @Override
        public String toString() { return "(" + a + " && " + b + ")"; }
    }

    static final class Or extends Node {
        final Node a, b;

        Or(Node a, Node b) {
            this.a = a;
            this.b = b;
        }

        @Override
        boolean eval(Eval e) { return a.eval(e) || b.eval(e); }

        @Override
        public String toString() { return "(" + a + " || " + b + ")"; }
    }

    static final class Not extends Node {
        final Node a;

        Not(Node a) {
            this.a = a;
        }

        @Override
        boolean eval(Eval e) { return !a.eval(e); }

        @Override
        public String toString() { return "!" + a; }
    }

    static final class Exists extends Node {
        final Entity x;

        Exists(Entity x) {
            this.x = x;
        }

        @Override
        boolean eval(Eval e) { return x.exists(e); }

        @Override
        public String toString() { return x.toString(); }
    }

    enum Op {
        EQ("=="), NE("!="), ALL_EQ("==="), ANY_NE("!=="), LT("<"), GT(">"), LE("<="), GE(">=");

        final String sym;

        Op(String sym) {
            this.sym = sym;
        }

        static Op of(String s) {
            for (Op o : values()) if (o.sym.equals(s)) return o;
            return null;
        }

        boolean order(int c) {
            if (c == Values.NONE) return false;
            return switch (this) {
                case LT -> c < 0;
                case GT -> c > 0;
                case LE -> c <= 0;
                case GE -> c >= 0;
                default -> c == 0;
            };
        }
    }

    /**
     * field OP literal. == and &lt; &gt; &lt;= &gt;= hold when some occurrence satisfies them; != holds when the field
     * is present and no occurrence equals (Wireshark 4 "all not equal"); === when every occurrence equals; !== when
     * some occurrence differs.
     */
    static final class CompareLit extends Node {
        final Entity x;
        final Op op;
        final Literal lit;

        CompareLit(Entity x, Op op, Literal lit) {
            this.x = x;
            this.op = op;
            this.lit = lit;
        }

        @Override
        boolean eval(Eval e) {
            List<Object> vs = x.values(e);
            if (vs.isEmpty()) return false;
            switch (op) {
                case EQ:
                    for (Object v : vs) if (Values.eq(v, lit)) return true;
                    return false;
                case NE:
                    for (Object v : vs) if (Values.eq(v, lit)) return false;
                    return true;
                case ALL_EQ:
                    for (Object v : vs) if (!Values.eq(v, lit)) return false;
                    return true;
                case ANY_NE:
                    for (Object v : vs) if (!Values.eq(v, lit)) return true;
                    return false;
                default:
                    for (Object v : vs) if (op.order(Values.cmp(v, lit))) return true;
                    return false;
            }
        }

        @Override
        public String toString() { return x + " " + op.sym + " " + lit; }
    }

    /** field OP field: the same quantifiers over every pair of occurrences. */
    static final class CompareField extends Node {
        final Entity x, y;
        final Op op;

        CompareField(Entity x, Op op, Entity y) {
            this.x = x;
            this.op = op;
            this.y = y;
        }

        @Override
        boolean eval(Eval e) {
            List<Object> as = x.values(e);
            if (as.isEmpty()) return false;
            List<Object> bs = y.values(e);
            if (bs.isEmpty()) return false;
            boolean any = false, all = true;
            for (Object a : as) {
                for (Object b : bs) {
                    boolean eq = Values.cmp(a, b) == 0;
                    boolean hit = switch (op) {
                        case EQ, ALL_EQ -> eq;
                        case NE, ANY_NE -> !eq;
                        default -> op.order(Values.cmp(a, b));
                    };
                    any |= hit;
                    all &= hit;
                }
            }
            return op == Op.NE || op == Op.ALL_EQ ? all : any;
        }

        @Override
        public String toString() { return x + " " + op.sym + " " + y; }
    }

    static final class Contains extends Node {
        final Entity x;
        final Literal lit;

        Contains(Entity x, Literal lit) {
            this.x = x;
            this.lit = lit;
        }

        @Override
        boolean eval(Eval e) {
            for (Object v : x.values(e)) if (Values.contains(v, lit)) return true;
            return false;
        }

        @Override
        public String toString() { return x + " contains " + lit; }
    }

    static final class Matches extends Node {
        final Entity x;
        final Pattern p;

        Matches(Entity x, Pattern p) {
            this.x = x;
            this.p = p;
        }

        @Override
        boolean eval(Eval e) {
            for (Object v : x.values(e)) if (Values.matches(v, p)) return true;
            return false;
        }

        @Override
        public String toString() { return x + " matches \"" + p.pattern() + "\""; }
    }

    /** field in {a b lo..hi}: some occurrence is in the set; "not in": present and no occurrence is. */
    static final class In extends Node {
        final Entity x;
        final Literal[][] set; // {value} or {lo, hi}
        final boolean negated;

        In(Entity x, Literal[][] set, boolean negated) {
            this.x = x;
            this.set = set;
            this.negated = negated;
        }

        @Override
        boolean eval(Eval e) {
            List<Object> vs = x.values(e);
            if (vs.isEmpty()) return false;
            for (Object v : vs) if (member(v)) return !negated;
            return negated;
        }

        private boolean member(Object v) {
            for (Literal[] m : set) {
                if (m.length == 1) {
                    if (Values.eq(v, m[0])) return true;
                } else {
                    int lo = Values.cmp(v, m[0]), hi = Values.cmp(v, m[1]);
                    if (lo != Values.NONE && hi != Values.NONE && lo >= 0 && hi <= 0) return true;
                }
            }
            return false;
        }

        @Override
        public String toString() { return x + (negated ? " not in {…}" : " in {…}"); }
    }
}
