package io.smartrouter.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;

class KeepAliveReadsTests {

    /** Registered in spring.factories: a Spring application run sets it before its context (and web server) starts. */
    @Test
    void everyServiceSetsTheWorkaroundBeforeItsContextStarts() {
        String before = System.clearProperty(KeepAliveReads.PROPERTY);
        try {
            var application = new SpringApplication(Empty.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            application.run().close();

            assertThat(System.getProperty(KeepAliveReads.PROPERTY)).isEqualTo("true");
        } finally {
            restore(before);
        }
    }

    @Test
    void aValueSetExplicitlyWins() {
        String before = System.setProperty(KeepAliveReads.PROPERTY, "false");
        try {
            new KeepAliveReads().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

            assertThat(System.getProperty(KeepAliveReads.PROPERTY)).isEqualTo("false");
        } finally {
            restore(before);
        }
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(KeepAliveReads.PROPERTY);
        } else {
            System.setProperty(KeepAliveReads.PROPERTY, value);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }
}
