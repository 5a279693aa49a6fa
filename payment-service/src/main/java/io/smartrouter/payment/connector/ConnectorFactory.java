package io.smartrouter.payment.connector;

import java.util.Map;

/**
 * Makes the connector of one gateway configuration from its settings (credentials, the PSP account, …). One factory
 * per PSP package; the router never sees settings or wire formats, only the {@link PaymentConnector} it gets back.
 */
public interface ConnectorFactory {

    /** The gateway name a configuration chooses, e.g. {@code sandbox}. */
    String gateway();

    /**
     * Refuses settings this gateway cannot use (a missing or unknown setting, a malformed value) with a 400
     * {@code ApiException} that names the setting but never echoes its value: settings hold credentials.
     */
    void validate(Map<String, String> settings);

    /** The connector for validated, decrypted settings. The same settings may be connected more than once. */
    PaymentConnector connect(Map<String, String> settings);
}
