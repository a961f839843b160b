package org.frameinspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
