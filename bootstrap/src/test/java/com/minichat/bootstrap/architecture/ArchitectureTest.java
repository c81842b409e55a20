package com.minichat.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hexagonal boundaries, as allow-lists so that they cannot pass by accident: the core depends
 * on nothing but the JDK (and slf4j in the application layer), and adapters never reach into each
 * other or into the services.
 */
@AnalyzeClasses(
    packages = "com.minichat",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** Leaves out test-jars (fakes and contract tests use JUnit); the rules are about main code. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule domainDependsOnlyOnTheJdk =
      noClasses()
          .that()
          .resideInAPackage("com.minichat.domain..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("com.minichat.domain..", "java..");

  @ArchTest
  static final ArchRule applicationDependsOnlyOnDomainJdkAndSlf4j =
      noClasses()
          .that()
          .resideInAPackage("com.minichat.application..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "com.minichat.domain..", "com.minichat.application..", "java..", "org.slf4j..");

  @ArchTest
  static final ArchRule adaptersDoNotUseServices =
      noClasses()
          .that()
          .resideInAPackage("com.minichat.adapters..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.minichat.application.service..");

  @ArchTest
  static final ArchRule adaptersDoNotDependOnEachOther =
      slices().matching("com.minichat.adapters.(*)..").should().notDependOnEachOther();
}
