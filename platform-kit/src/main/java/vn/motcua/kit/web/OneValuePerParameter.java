package vn.motcua.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;
import vn.motcua.kit.problem.ApiProblem;

/**
 * A parameter that takes one value, given more than once ({@code ?agencyCode=A&agencyCode=B},
 * {@code ?size=10&size=500}), is refused with 400 {@code repeated-parameter} naming it. Spring
 * would join the values with a comma: the report was asked for an agency "A,B" and answered 422
 * "no agency", a page size "10,500" was "not a whole number", and a filter or cache in front that
 * reads the first value and a service that read another would disagree on what was asked.
 * Parameters that are lists ({@code ?status=1&status=2}) and maps take every value as before.
 * A header a controller reads as one value is checked the same way ({@code repeated-header}): an
 * Idempotency-Key sent twice was "not 8 to 128 letters", as the two were read joined by a comma.
 * So is an upload's file part ({@code repeated-part}): of two files sent as one document, the
 * first was stored and the second dropped without a word.
 */
public class OneValuePerParameter implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (!takesOneValue(parameter)) {
                    continue;
                }
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    String name = nameOf(param.name(), parameter);
                    String[] values = request.getParameterValues(name);
                    if (values != null && values.length > 1) {
                        throw repeated("repeated-parameter", "parameter", name, values.length);
                    }
                }
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                if (part != null && multipart != null) {
                    String name = nameOf(part.name(), parameter);
                    int files = multipart.getFiles(name).size();
                    if (files > 1) {
                        throw repeated("repeated-part", "part", name, files);
                    }
                }
                RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
                if (header != null) {
                    String name = nameOf(header.name(), parameter);
                    int values = Collections.list(request.getHeaders(name)).size();
                    if (values > 1) {
                        throw repeated("repeated-header", "header", name, values);
                    }
                }
            }
        }
        return true;
    }

    private static boolean takesOneValue(MethodParameter parameter) {
        Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
        return !type.isArray() && !Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type);
    }

    private static String nameOf(String declared, MethodParameter parameter) {
        return declared.isEmpty() ? parameter.getParameterName() : declared;
    }

    private static ApiProblem repeated(String slug, String what, String name, int times) {
        return ApiProblem.badRequest(slug, "The " + what + " " + name + " is given " + times + " times; give it once")
                .with("field", name);
    }
}
