package io.smartrouter.vault;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The card vault, customers and customer tokens. Only its health endpoint exists until its issue lands. */
@SpringBootApplication
public class VaultServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VaultServiceApplication.class, args);
    }
}
