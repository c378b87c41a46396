package vn.motcua.kit.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/** An endpoint's method-security rule, read as method security reads it, and the roles a plain one names. */
public final class RoleRule {
    private static final Pattern ROLE_RULE = Pattern.compile("has(?:Any)?Role\\(((?:\\s*'[a-z-]+'\\s*,?)+)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([a-z-]+)'");

    private RoleRule() {
    }

    /** The rule method security applies: the method's own, else its class's. */
    public static Optional<String> of(HandlerMethod method) {
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class))
                .or(() -> Optional.ofNullable(
                        AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class)))
                .map(PreAuthorize::value);
    }

    /** The roles of a rule that only names roles ({@code hasAnyRole('officer', 'leader')}); empty for any other. */
    public static Optional<List<String>> roles(String rule) {
        Matcher roles = ROLE_RULE.matcher(rule.strip());
        if (!roles.matches()) {
            return Optional.empty();
        }
        return Optional.of(QUOTED.matcher(roles.group(1)).results().map(name -> name.group(1)).toList());
    }

    /** "officer", "officer or leader", "officer, leader or ops". */
    public static String spoken(List<String> roles) {
        return roles.size() == 1 ? roles.getFirst()
                : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.getLast();
    }
}
