package io.smartrouter.vault;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The card vault (encrypted PANs, one-time card tokens), customers and their reusable customer tokens. */
@SpringBootApplication
public class VaultServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VaultServiceApplication.class, args);
    }
}
