package io.smartrouter.webhook.endpoint.web;

import java.util.List;

/** The body of {@code POST} and {@code PUT /webhook-endpoints}: on PUT, fields left out keep their value. */
record EndpointRequest(String url, List<String> events, String description, Boolean enabled) {
}
