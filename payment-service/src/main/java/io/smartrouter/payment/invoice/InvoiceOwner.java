package io.smartrouter.payment.invoice;

import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.id.ProjectId;
import io.smartrouter.platform.security.InternalCalls;
import io.smartrouter.platform.web.RequestIds;
import io.smartrouter.platform.web.WebClients;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The invoice service, asked whether an invoice exists when this service has not heard of it even with the invoices
 * topic read to its end: the invoice's creation can be committed there and not yet published (that service died
 * before its publisher ran), and "not found" would then be false (ADR 0025). An internal call signed for the project
 * (another project's invoice does not exist for it), with a timeout. Blocking: asked from blocking lookups only.
 */
public class InvoiceOwner {

    private final WebClient web;
    private final InternalCalls internalCalls;
    private final Duration timeout;

    public InvoiceOwner(String invoiceUrl, InternalCalls internalCalls, Duration timeout) {
        this.web = WebClients.withTimeouts(invoiceUrl, timeout, timeout);
        this.internalCalls = internalCalls;
        this.timeout = timeout;
    }

    /** Whether the project has this invoice; a 503 when the invoice service cannot tell (down, slow, failing). */
    public boolean exists(ProjectId project, String invoiceId) {
        String path = "/internal/invoices/" + invoiceId;
        String requestId = RequestIds.accept(null);
        HttpStatus status = web.get().uri(path)
                .headers(headers -> {
                    headers.set(RequestIds.HEADER, requestId);
                    internalCalls.sign(headers, project, "GET", path, requestId);
                })
                .exchangeToMono(response -> response.releaseBody().thenReturn(HttpStatus.valueOf(
                        response.statusCode().value())))
                .timeout(timeout)
                .onErrorResume(unreachable -> Mono.just(HttpStatus.SERVICE_UNAVAILABLE))
                .block();
        if (status == HttpStatus.NO_CONTENT || status == HttpStatus.NOT_FOUND) {
            return status == HttpStatus.NO_CONTENT;
        }
        throw new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE, "Whether this invoice exists cannot be told "
                + "now; retry shortly");
    }
}
