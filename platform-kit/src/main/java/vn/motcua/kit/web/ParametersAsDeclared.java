package vn.motcua.kit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;
import vn.motcua.kit.problem.ApiProblem;
import vn.motcua.kit.problem.ValueNotAccepted;

/**
 * A request's parameters are the ones its endpoint declares, each given as often as it takes.
 * <ul>
 * <li>A parameter the endpoint does not take ({@code ?sattus=DELIVERED}) is refused with 400
 * {@code unknown-parameter} naming it and those it takes, as a field a body does not take is: the
 * typo was ignored and the caller got every shipment as if filtered. An endpoint that reads a map
 * of all parameters (a provider's signed callback) takes any.</li>
 * <li>A parameter that takes one value, given more than once ({@code ?agencyCode=A&agencyCode=B}),
 * is refused with 400 {@code repeated-parameter}: Spring joined the values with a comma, so a report
 * was asked for an agency "A,B", and a filter or cache in front that read the first value and the
 * service that read another disagreed on what was asked. Lists ({@code ?status=1&status=4}) take
 * every value. A value of any type holding a control or direction-override character is refused with 400
 * {@code character-not-accepted}, as text is. A header read as one value ({@code repeated-header}: an Idempotency-Key sent twice
 * was "not 8 to 128 letters") and an upload's file part ({@code repeated-part}: of two files sent
 * as one document the first was stored, the second dropped) are checked the same way.</li>
 * <li>An endpoint that takes a part ({@code @RequestPart}) takes only multipart/form-data; any other body is refused
 * with 415 and {@code Accept: multipart/form-data}. Such an endpoint does not say so with {@code consumes}: Spring
 * chooses an endpoint by its content type before any interceptor runs, so a role that may not upload was told to send
 * multipart instead of that it may not (ADR 0039).</li>
 * </ul>
 * Only the platform's own endpoints, on the request as sent (not the error page it may be forwarded to).
 */
public class ParametersAsDeclared implements HandlerInterceptor {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,64}");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith("vn.motcua.")) {
            return true;
        }
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (takesParts(method)) {
            MediaType sent = contentTypeOf(request);
            if (multipart == null || sent == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(sent)) {
                throw new HttpMediaTypeNotSupportedException(sent, List.of(MediaType.MULTIPART_FORM_DATA),
                        HttpMethod.valueOf(request.getMethod()));
            }
        }
        if (multipart != null) {
            // The body is read here, after the endpoint's role rule (multipart is resolved lazily), and through Spring:
            // the parameter names below would have Tomcat read it, and a broken body reported as a broken query.
            multipart.getMultiFileMap();
        }
        Set<String> declared = new HashSet<>();
        boolean takesAny = false;
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
            if (param != null && Map.class.isAssignableFrom(parameter.getParameterType())) {
                takesAny = true;
            } else if (param != null) {
                declared.add(checkedOnce(request, nameOf(param.name(), param.value(), parameter), parameter));
            } else if (part != null) {
                declared.add(checkedOnce(multipart, nameOf(part.name(), part.value(), parameter), parameter));
            } else if (parameter.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(parameter.getParameterType())) {
                declared.add(parameter.getParameterName());
            }
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && takesOneValue(parameter)) {
                String name = nameOf(header.name(), header.value(), parameter);
                int values = Collections.list(request.getHeaders(name)).size();
                if (values > 1) {
                    throw repeated("repeated-header", "header", name, values);
                }
            }
        }
        if (!takesAny) {
            for (String name : Collections.list(request.getParameterNames())) {
                if (!declared.contains(name)) {
                    throw unknown(name, declared);
                }
            }
        }
        return true;
    }

    /** Whether the endpoint takes a part, and so only multipart/form-data (also what its API document says). */
    public static boolean takesParts(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(parameter -> parameter.hasParameterAnnotation(RequestPart.class));
    }

    /** A content type that is not one (a bare word, a broken parameter) is reported as none. */
    private static MediaType contentTypeOf(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }

    private static String checkedOnce(HttpServletRequest request, String name, MethodParameter parameter) {
        String[] values = request.getParameterValues(name);
        if (takesOneValue(parameter) && values != null && values.length > 1) {
            throw repeated("repeated-parameter", "parameter", name, values.length);
        }
        // Text parameters are checked as they are bound (ParameterText); a number, a date or a list is checked here, as
        // sent: the conversion trims a control character away, and a list of numbers got a null for "%00", a 500.
        for (String value : values == null ? new String[0] : values) {
            OptionalInt refused = RequestText.firstRefused(value);
            if (refused.isPresent()) {
                throw ValueNotAccepted.character(name, refused.getAsInt());
            }
        }
        return name;
    }

    private static String checkedOnce(MultipartHttpServletRequest multipart, String name, MethodParameter parameter) {
        int files = multipart == null ? 0 : multipart.getFiles(name).size();
        if (takesOneValue(parameter) && files > 1) {
            throw repeated("repeated-part", "part", name, files);
        }
        return name;
    }

    private static boolean takesOneValue(MethodParameter parameter) {
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        return !type.isArray() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
    }

    /** The name the annotation gives (as name or as value, whether or not Spring merged the two), else the parameter's own. */
    private static String nameOf(String name, String value, MethodParameter parameter) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
    }

    private static ApiProblem repeated(String slug, String what, String name, int times) {
        return ApiProblem.badRequest(slug, "The " + what + " " + name + " is given " + times + " times; give it once")
                .with("field", name);
    }

    /** A name that is not plain text is not repeated back. */
    private static ApiProblem unknown(String name, Set<String> declared) {
        String takes = declared.isEmpty() ? "This endpoint takes no parameters"
                : "This endpoint takes " + String.join(", ", new TreeSet<>(declared));
        if (!PLAIN_NAME.matcher(name).matches()) {
            return ApiProblem.badRequest("unknown-parameter", "A parameter is not one this endpoint takes. " + takes);
        }
        return ApiProblem.badRequest("unknown-parameter", "The parameter " + name + " is not one this endpoint takes. " + takes)
                .with("field", name);
    }
}
