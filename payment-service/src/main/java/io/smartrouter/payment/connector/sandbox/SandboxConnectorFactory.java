package io.smartrouter.payment.connector.sandbox;

import io.smartrouter.payment.connector.ConnectorFactory;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.platform.web.Fields;
import java.util.Map;

/**
 * The sandbox as a gateway configurations can choose. It takes no settings, and every configuration shares the one
 * in-process sandbox (and its ledger).
 */
public class SandboxConnectorFactory implements ConnectorFactory {

    private final SandboxConnector sandbox;

    public SandboxConnectorFactory(SandboxConnector sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public String gateway() {
        return SandboxConnector.GATEWAY;
    }

    @Override
    public void validate(Map<String, String> settings) {
        if (!settings.isEmpty()) {
            throw Fields.invalid("settings", "must be empty for the sandbox gateway");
        }
    }

    @Override
    public PaymentConnector connect(Map<String, String> settings) {
        return sandbox;
    }
}
