package vn.motcua.testinfra;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape every service keeps (STYLE.md): features as packages, what a feature keeps to
 * itself in its {@code internal} package, no cycles between features, aggregates that know
 * nothing of storage, web or security, controllers that nothing calls, and a
 * {@code package-info.java} saying what each feature is for. A service's test calls
 * {@link #check(String)} with its base package.
 */
public final class ServiceBoundaries {
    private static final String AGGREGATE = "vn.motcua.kit.outbox.Aggregate";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String CHECKS_REACH_FIRST = "vn.motcua.kit.security.ChecksReachFirst";
    private static final String PRE_AUTHORIZE = "org.springframework.security.access.prepost.PreAuthorize";
    private static final String OPS_ONLY = "hasRole('ops')";

    private ServiceBoundaries() {
    }

    /** Checks every rule on the production classes under {@code basePackage}; fails naming each violation. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : rules(basePackage)) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        failures.addAll(featuresWithoutPackageInfo(basePackage, classes));
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n\n", failures));
        }
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                ArchRuleDefinition.classes().that().resideInAPackage(basePackage + "..")
                        .should(keepOutOfOtherFeaturesInternals(basePackage))
                        .as("a feature's internal package is used by that feature only").allowEmptyShould(true),
                slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                        .as("features do not depend on each other in a cycle").allowEmptyShould(true),
                noClasses().that().areAssignableTo(AGGREGATE).should().dependOnClassesThat(
                                resideInAPackage("org.springframework.data.mongodb.core")
                                        .or(resideInAPackage("org.springframework.data.mongodb.repository.."))
                                        .or(resideInAPackage("org.springframework.stereotype.."))
                                        .or(resideInAPackage("org.springframework.beans.."))
                                        .or(resideInAPackage("org.springframework.web.."))
                                        .or(resideInAPackage("org.springframework.kafka.."))
                                        .or(resideInAPackage("vn.motcua.kit.security.."))
                                        .or(resideInAPackage("vn.motcua.kit.messaging..")))
                        .as("aggregates know nothing of storage operations, web, messaging or who calls them")
                        .allowEmptyShould(true),
                noClasses().that().areTopLevelClasses().and().areNotAnnotatedWith(REST_CONTROLLER)
                        .should().dependOnClassesThat().areAnnotatedWith(REST_CONTROLLER)
                        .as("controllers are entry points: nothing calls them").allowEmptyShould(true),
                ArchRuleDefinition.methods().that().areDeclaredInClassesThat().areAnnotatedWith(REST_CONTROLLER)
                        .should(checkTheirResourceBeforeTheBody())
                        .as("an endpoint that names a resource in its path and reads a body checks the caller reaches"
                                + " the resource first (ADR 0039)").allowEmptyShould(true));
    }

    /**
     * Another citizen's or agency's resource is 404 (or 403) whatever was sent, never a 400 describing the body: an
     * endpoint with a path variable and a body or part carries an annotation marked {@code @ChecksReachFirst}, unless
     * it is for ops alone, who reach every such resource.
     */
    private static ArchCondition<JavaMethod> checkTheirResourceBeforeTheBody() {
        return new ArchCondition<>("check the caller reaches the path's resource before the body") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean namesResource = method.getParameters().stream()
                        .anyMatch(p -> p.isAnnotatedWith("org.springframework.web.bind.annotation.PathVariable"));
                boolean readsBody = method.getParameters().stream()
                        .anyMatch(p -> p.isAnnotatedWith("org.springframework.web.bind.annotation.RequestBody")
                                || p.isAnnotatedWith("org.springframework.web.bind.annotation.RequestPart"));
                if (!namesResource || !readsBody || opsOnly(method)) {
                    return;
                }
                boolean checked = method.getAnnotations().stream()
                        .anyMatch(annotation -> annotation.getRawType().isAnnotatedWith(CHECKS_REACH_FIRST));
                if (!checked) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " reads a body for a resource named in its path without checking first that the caller"
                            + " reaches it: mark it @ReachedFirst"));
                }
            }
        };
    }

    private static boolean opsOnly(JavaMethod method) {
        Optional<Object> rule = method.tryGetAnnotationOfType(PRE_AUTHORIZE).flatMap(annotation -> annotation.get("value"))
                .or(() -> method.getOwner().tryGetAnnotationOfType(PRE_AUTHORIZE).flatMap(annotation -> annotation.get("value")));
        return rule.map(OPS_ONLY::equals).orElse(false);
    }

    private static ArchCondition<JavaClass> keepOutOfOtherFeaturesInternals(String basePackage) {
        return new ArchCondition<>("not use another feature's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (!target.startsWith(basePackage + ".") || internal < 0) {
                        continue;
                    }
                    String owner = target.substring(0, internal);
                    String from = origin.getPackageName();
                    if (!from.equals(owner) && !from.startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()
                                + " reaches into the internals of " + owner));
                    }
                }
            }
        };
    }

    /** Read from the sources: javac writes no class for a package-info without annotations. */
    private static List<String> featuresWithoutPackageInfo(String basePackage, JavaClasses classes) {
        Set<String> features = new TreeSet<>();
        for (JavaClass type : classes) {
            String name = type.getPackageName();
            if (name.startsWith(basePackage + ".")) {
                features.add(name.substring(basePackage.length() + 1).split("\\.")[0]);
            }
        }
        Path sources = Path.of("src/main/java", basePackage.replace('.', File.separatorChar));
        List<String> missing = new ArrayList<>();
        for (String feature : features) {
            if (!Files.exists(sources.resolve(feature).resolve("package-info.java"))) {
                missing.add("Feature package " + basePackage + "." + feature + " has no package-info.java saying what it is for");
            }
        }
        return missing;
    }
}
