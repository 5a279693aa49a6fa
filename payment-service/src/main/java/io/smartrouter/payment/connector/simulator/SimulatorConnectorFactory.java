package io.smartrouter.payment.connector.simulator;

import io.smartrouter.payment.connector.ConnectorFactory;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.platform.error.ApiException;
import io.smartrouter.platform.error.PlatformErrorCode;
import io.smartrouter.platform.web.WebClients;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Connectors to the PSP simulator. Settings: {@code psp} (required, the simulator's PSP name,
 * {@code [a-z0-9-]{1,40}}) and {@code merchant_account} (optional, {@code [A-Za-z0-9_-]{1,64}}). The simulator's URL
 * is the service's ({@code smartrouter.payment.simulator.url}), never a setting: a gateway configuration must not be
 * able to point the payment service at an arbitrary host. Every connector shares one WebClient (one connection pool).
 */
public class SimulatorConnectorFactory implements ConnectorFactory {

    static final String PSP = "psp";
    static final String MERCHANT_ACCOUNT = "merchant_account";
    private static final Set<String> SETTINGS = Set.of(PSP, MERCHANT_ACCOUNT);
    /** Beyond the response timeout, how long the whole exchange may take before it is abandoned as unknown. */
    private static final Duration GUARD = Duration.ofSeconds(1);

    private final WebClient web;
    private final Duration timeout;

    public SimulatorConnectorFactory(String baseUrl, Duration connectTimeout, Duration responseTimeout) {
        this.web = WebClients.withTimeouts(baseUrl, connectTimeout, responseTimeout);
        this.timeout = connectTimeout.plus(responseTimeout).plus(GUARD);
    }

    @Override
    public String gateway() {
        return SimulatorConnector.GATEWAY;
    }

    @Override
    public void validate(Map<String, String> settings) {
        for (String name : settings.keySet()) {
            if (!SETTINGS.contains(name)) {
                throw new ApiException(PlatformErrorCode.UNKNOWN_FIELD,
                        "The simulator gateway has no setting " + printable(name) + " (only psp and merchant_account)");
            }
        }
        String psp = settings.get(PSP);
        if (psp == null) {
            throw new ApiException(PlatformErrorCode.MISSING_FIELD, "The simulator gateway needs the setting psp");
        }
        if (!psp.matches("[a-z0-9-]{1,40}")) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD,
                    "The setting psp must be 1 to 40 of a-z, 0-9 and -");
        }
        String merchantAccount = settings.get(MERCHANT_ACCOUNT);
        if (merchantAccount != null && !merchantAccount.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new ApiException(PlatformErrorCode.INVALID_FIELD,
                    "The setting merchant_account must be 1 to 64 of A-Z, a-z, 0-9, _ and -");
        }
    }

    @Override
    public PaymentConnector connect(Map<String, String> settings) {
        validate(settings);
        return new SimulatorConnector(web, settings.get(PSP), settings.get(MERCHANT_ACCOUNT), timeout);
    }

    /** A setting's name in an error message: names are not secret, but are bounded and shown only if plain. */
    private static String printable(String name) {
        return name != null && name.matches("[A-Za-z0-9_.-]{1,40}") ? name : "(an unprintable name)";
    }
}
