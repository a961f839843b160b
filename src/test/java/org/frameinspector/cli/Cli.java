package org.frameinspector.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM: {exit code, standard output, standard error}. */
final class Cli {
    private Cli() {
    }

    static String[] run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int rc = Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new String[] {Integer.toString(rc), o.toString(), e.toString()};
    }
}
