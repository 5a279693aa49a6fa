package io.smartrouter.payment.support;

import io.smartrouter.payment.connector.ConnectorFactory;
import io.smartrouter.payment.connector.OperationOutcome;
import io.smartrouter.payment.connector.PaymentConnector;
import io.smartrouter.payment.connector.PaymentOperations.AuthorizationRequest;
import io.smartrouter.payment.connector.PaymentOperations.CaptureRequest;
import io.smartrouter.payment.connector.PaymentOperations.DisputeNotice;
import io.smartrouter.payment.connector.PaymentOperations.RefundRequest;
import io.smartrouter.payment.connector.PaymentOperations.VoidRequest;
import io.smartrouter.platform.web.Fields;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/**
 * A test gateway, {@code scripted}: its settings name an {@code account} (and need an {@code api_key}); each account's
 * authorizations answer what the test scripted, in order, and every call is recorded. A scripted {@code Unknown}
 * answers as a timeout would; the status lookup then answers what {@link #resolveLater} said.
 */
public final class ScriptedConnectors implements ConnectorFactory {

    public static final String GATEWAY = "scripted";
    private static final Set<String> KNOWN_SETTINGS = Set.of("api_key", "account");

    private final Map<String, Queue<OperationOutcome>> scripts = new ConcurrentHashMap<>();
    private final Map<String, OperationOutcome> laterStatus = new ConcurrentHashMap<>();
    /** Calls as "account:operation:operation id[:reference]". */
    public final List<String> calls = new CopyOnWriteArrayList<>();

    /** The next authorizations of {@code account} answer {@code outcomes}, in order (then approved). */
    public void script(String account, OperationOutcome... outcomes) {
        scripts.put(account, new ArrayDeque<>(List.of(outcomes)));
    }

    /** What a status lookup of {@code operationId} will answer (the PSP's eventual record of it). */
    public void resolveLater(String operationId, OperationOutcome outcome) {
        laterStatus.put(operationId, outcome);
    }

    public List<String> callsOf(String account) {
        return calls.stream().filter(call -> call.startsWith(account + ":")).toList();
    }

    @Override
    public String gateway() {
        return GATEWAY;
    }

    @Override
    public void validate(Map<String, String> settings) {
        for (String name : settings.keySet()) {
            if (!KNOWN_SETTINGS.contains(name)) {
                throw Fields.invalid("settings." + name, "is not a setting of the scripted gateway");
            }
        }
        if (!settings.containsKey("api_key")) {
            throw Fields.invalid("settings.api_key", "is required");
        }
    }

    @Override
    public PaymentConnector connect(Map<String, String> settings) {
        return new Scripted(settings.getOrDefault("account", "default"));
    }

    private final class Scripted implements PaymentConnector {

        private final String account;

        Scripted(String account) {
            this.account = account;
        }

        @Override
        public String gateway() {
            return GATEWAY;
        }

        @Override
        public Mono<OperationOutcome> authorize(AuthorizationRequest request) {
            calls.add(account + ":authorize:" + request.operationId());
            Queue<OperationOutcome> script = scripts.get(account);
            OperationOutcome next = script == null || script.isEmpty() ? null : script.poll();
            return Mono.just(next == null ? new OperationOutcome.Approved("ref_" + request.operationId()) : next);
        }

        @Override
        public Mono<OperationOutcome> capture(CaptureRequest request) {
            calls.add(account + ":capture:" + request.operationId() + ":" + request.authorizationReference());
            return Mono.just(new OperationOutcome.Approved("cap_" + request.operationId()));
        }

        @Override
        public Mono<OperationOutcome> voidAuthorization(VoidRequest request) {
            calls.add(account + ":void:" + request.operationId() + ":" + request.authorizationReference());
            return Mono.just(new OperationOutcome.Approved("void_" + request.operationId()));
        }

        @Override
        public Mono<OperationOutcome> refund(RefundRequest request) {
            calls.add(account + ":refund:" + request.operationId());
            return Mono.just(new OperationOutcome.Approved("rf_" + request.operationId()));
        }

        @Override
        public Mono<Optional<OperationOutcome>> status(String operationId) {
            return Mono.just(Optional.ofNullable(laterStatus.get(operationId)));
        }

        @Override
        public Mono<OperationOutcome> completeAuthentication(String authorizationOperationId, boolean passed) {
            return Mono.just(new OperationOutcome.Declined("card.authentication-failed", false));
        }

        @Override
        public Mono<List<DisputeNotice>> dueNotices(Instant now, int limit) {
            return Mono.just(List.of());
        }

        @Override
        public Mono<Void> acknowledge(String noticeId) {
            return Mono.empty();
        }
    }
}
