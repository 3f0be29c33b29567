package org.yaohao.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Style: shared-kernel is the published language, free of Spring and Mongo; the sides do not depend on each other. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yaohao.kernel", "org.yaohao.command");
    }

    @Test
    void importsBothTheKernelAndTheCommandSide() {
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.yaohao.kernel"))).isNotEmpty();
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.yaohao.command"))).isNotEmpty();
    }

    @Test
    void sharedKernelDoesNotDependOnSpring() {
        noClasses().that().resideInAPackage("org.yaohao.kernel..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void sharedKernelDoesNotDependOnMongo() {
        noClasses().that().resideInAPackage("org.yaohao.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(classes);
    }

    @Test
    void commandSideDoesNotDependOnQuerySide() {
        noClasses().that().resideInAPackage("org.yaohao.command..")
                .should().dependOnClassesThat().resideInAPackage("org.yaohao.query..")
                .check(classes);
    }
}
