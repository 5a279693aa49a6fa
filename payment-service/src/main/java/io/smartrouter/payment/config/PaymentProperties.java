package io.smartrouter.payment.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The payment service's settings ({@code smartrouter.payment.*}).
 *
 * @param vaultUrl where the vault's internal detokenization answers
 * @param vaultTimeout how long a detokenization may take
 * @param invoiceUrl where the invoice service answers whether an invoice this service has not heard of exists
 * @param pspTimeout how long a PSP call may take before its outcome is treated as unknown
 * @param reconcileAfter how old an operation without outcome must be before the reconciler resolves it with the PSP
 *     (longer than a request can take, so it never races the request that started it)
 * @param threeDSecureTimeout how long an authorization waits for the customer's 3-D Secure challenge
 * @param publicUrl the public base URL (the gateway's), for the challenge pages merchants redirect customers to
 */
@ConfigurationProperties("smartrouter.payment")
public record PaymentProperties(String vaultUrl, Duration vaultTimeout, String invoiceUrl, Duration pspTimeout,
        Duration reconcileAfter, Duration threeDSecureTimeout, String publicUrl) {

    public PaymentProperties {
        vaultUrl = vaultUrl == null ? "http://127.0.0.1:8082" : vaultUrl;
        vaultTimeout = vaultTimeout == null ? Duration.ofSeconds(10) : vaultTimeout;
        invoiceUrl = invoiceUrl == null ? "http://127.0.0.1:8081" : invoiceUrl;
        pspTimeout = pspTimeout == null ? Duration.ofSeconds(15) : pspTimeout;
        reconcileAfter = reconcileAfter == null ? Duration.ofSeconds(60) : reconcileAfter;
        threeDSecureTimeout = threeDSecureTimeout == null ? Duration.ofMinutes(15) : threeDSecureTimeout;
        publicUrl = publicUrl == null ? "http://localhost:8080" : publicUrl;
    }
}
