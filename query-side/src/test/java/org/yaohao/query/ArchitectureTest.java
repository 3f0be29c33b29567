package org.yaohao.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The query side depends on the published language, never on the command side's internals. */
@AnalyzeClasses(packages = "org.yaohao", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule querySideDoesNotDependOnCommandSide = noClasses()
            .that().resideInAPackage("org.yaohao.query..")
            .should().dependOnClassesThat().resideInAPackage("org.yaohao.command..");

    @ArchTest
    static final ArchRule queryModelsAreNotSpringData = noClasses()
            .that().resideInAPackage("org.yaohao.query..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.data..");
}
