package io.smartrouter.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Webhook endpoints, signed delivery, retries and replay. Only its health endpoint exists until its issue lands. */
@SpringBootApplication
public class WebhookDispatcherApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookDispatcherApplication.class, args);
    }
}
