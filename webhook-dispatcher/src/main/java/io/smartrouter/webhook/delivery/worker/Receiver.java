package io.smartrouter.webhook.delivery.worker;

import io.smartrouter.webhook.delivery.security.UrlPolicy;
import java.net.URI;
import java.util.Locale;

/**
 * Who receives a delivery: a webhook endpoint, or an invoice's own {@code webhook_url}. The lane is what concurrency
 * is limited by, so that a slow receiver only ever holds its own lane's slots: the endpoint, or the host of an
 * invoice's URL (many invoices of one merchant point at the same host).
 */
public record Receiver(String key, String endpointId, String invoiceId, String url, String lane) {

    public static Receiver endpoint(String endpointId) {
        return new Receiver(endpointId, endpointId, null, null, endpointId);
    }

    public static Receiver invoiceUrl(String invoiceId, String url) {
        String host;
        try {
            URI uri = URI.create(url);
            host = UrlPolicy.host(uri).toLowerCase(Locale.ROOT) + ":" + uri.getPort();
        } catch (IllegalArgumentException | NullPointerException e) {
            host = "invalid";
        }
        return new Receiver("invoice:" + invoiceId, null, invoiceId, url, "url:" + host);
    }
}
