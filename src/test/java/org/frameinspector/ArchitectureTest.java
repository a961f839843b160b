package org.frameinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import java.util.ArrayList;
import java.util.List;
import org.frameinspector.core.dissect.Ctx;
import org.junit.jupiter.api.Test;

/** The core stays headless: no Swing/AWT, and nothing from the GUI, the CLI, picocli or pcap4j. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.frameinspector");

    @Test
    void coreHasNoSwingOrAwt() {
        noClasses().that().resideInAPackage("org.frameinspector.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..", "com.formdev..",
                        "net.miginfocom..")
                .check(MAIN);
    }

    @Test
    void coreDependsOnNoOuterLayerOrNativeCapture() {
        noClasses().that().resideInAPackage("org.frameinspector.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.frameinspector.gui..", "org.frameinspector.cli..",
                        "picocli..", "org.pcap4j..", "com.sun.jna..")
                .check(MAIN);
    }

    @Test
    void cliDoesNotReachIntoSwing() {
        noClasses().that().resideInAPackage("org.frameinspector.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..")
                .check(MAIN);
    }

    @Test
    void topLevelPackagesAreFreeOfCycles() {
        slices().matching("org.frameinspector.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyPackageIsFreeOfCycles() {
        slices().matching("org.frameinspector.(**)").should().beFreeOfCycles().check(MAIN);
    }

    /**
     * Context slots between layers are typed keys ({@link Ctx.Key}); no key may be read that no code writes (a check
     * that reads it would silently never fire) or written that no code reads. A key counts as written where a method
     * that names it calls {@code Ctx.put} on that line, and as read where one calls {@code Ctx.get} or
     * {@code Ctx.is}.
     */
    @Test
    void everyContextKeyIsBothWrittenAndRead() {
        List<String> broken = new ArrayList<>();
        int keys = 0;
        for (var c : MAIN) {
            for (JavaField f : c.getFields()) {
                if (!f.getRawType().isEquivalentTo(Ctx.Key.class)
                        || !f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)) continue;
                keys++;
                boolean written = false, read = false;
                for (JavaFieldAccess a : f.getAccessesToSelf()) {
                    // the call that takes the key: a Ctx call on the line where the key is named
                    for (JavaMethodCall call : a.getOrigin().getMethodCallsFromSelf()) {
                        // Ctx itself, or the stream layer's effects (which put into the Ctx and record the put)
                        boolean ctx = call.getTargetOwner().isEquivalentTo(Ctx.class)
                                || call.getTargetOwner().getName().equals("org.frameinspector.core.stream.StreamEffects");
                        if (call.getLineNumber() != a.getLineNumber() || !ctx) continue;
                        String m = call.getName();
                        if (m.equals("put")) written = true;
                        if (m.equals("get") || m.equals("is")) read = true;
                    }
                }
                if (!written || !read) {
                    broken.add(c.getSimpleName() + "." + f.getName() + (written ? " is written but never read"
                            : read ? " is read but nothing writes it" : " is neither written nor read"));
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(keys).as("context keys found").isGreaterThan(10);
        org.assertj.core.api.Assertions.assertThat(broken).isEmpty();
    }
}
