package io.smartrouter.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Several simulated PSPs in one process, reached over HTTP (see the module README for the wire format). */
@SpringBootApplication
public class PspSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PspSimulatorApplication.class, args);
    }
}
