package io.smartrouter.payment.routing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The router knows the connector contract, never a PSP's package (DESIGN/STYLE: routing never knows a PSP's internals). */
class RoutingArchitectureTests {

    @Test
    void routingDependsOnTheConnectorContractOnlyNeverOnAPspPackage() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.smartrouter.payment");
        noClasses().that().resideInAPackage("io.smartrouter.payment.routing..")
                .should().dependOnClassesThat(resideInAPackage("io.smartrouter.payment.connector..")
                        .and(not(resideInAPackage("io.smartrouter.payment.connector"))))
                .check(classes);
    }
}
