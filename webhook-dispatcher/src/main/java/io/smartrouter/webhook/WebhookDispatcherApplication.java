package io.smartrouter.webhook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The public events of the platform and their signed webhooks: endpoints, delivery with retries, the log, replay. */
@SpringBootApplication
public class WebhookDispatcherApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhookDispatcherApplication.class, args);
    }
}
