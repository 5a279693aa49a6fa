package io.smartrouter.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** The success envelope of API.md: {@code {"success": true, "<resource>": {...}}}. */
public final class ApiResponses {

    private ApiResponses() {
    }

    public static Map<String, Object> of(String resourceName, Object resource) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put(resourceName, resource);
        return body;
    }
}
