package io.smartrouter.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Several simulated PSPs in one process, reached over HTTP (see the module README for the wire format). */
@SpringBootApplication
public class PspSimulatorApplication {

    /** Reactor Netty's keep-alive workaround that every service sets (ADR 0027); this module does not use platform's. */
    static final String KEEP_ALIVE_READS = "reactor.netty.http.server.lastFlushWhenNoRead";

    public static void main(String[] args) {
        if (System.getProperty(KEEP_ALIVE_READS) == null) {
            System.setProperty(KEEP_ALIVE_READS, "true");
        }
        SpringApplication.run(PspSimulatorApplication.class, args);
    }
}
