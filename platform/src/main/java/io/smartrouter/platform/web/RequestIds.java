package io.smartrouter.platform.web;

import io.smartrouter.platform.id.Ids;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/** The request id of API.md: echoed when the client sent a sane one, generated otherwise. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id to use for a request that carried {@code supplied} (may be null or garbage). */
    public static String accept(String supplied) {
        return supplied != null && ACCEPTABLE.matcher(supplied).matches() ? supplied : Ids.newId("req_");
    }

    /** The request id of an exchange that went through {@link RequestIdFilter}, or {@code "-"}. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : "-";
    }
}
