package io.smartrouter.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PeriodicJobTests {

    private static final Duration OFTEN = Duration.ofMillis(10);

    @Test
    void aFailedRoundDoesNotStopTheNextOnes() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        try (PeriodicJob job = new PeriodicJob("failing", OFTEN, () -> {
            rounds.incrementAndGet();
            three.countDown();
            throw new IllegalStateException("database unreachable");
        })) {
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(job.running()).isTrue();
        }
        assertThat(rounds.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void closingLetsARunningRoundFinishWithoutInterruptingIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        PeriodicJob job = new PeriodicJob("slow", OFTEN, () -> {
            started.countDown();
            long until = System.nanoTime() + Duration.ofMillis(300).toNanos();
            while (System.nanoTime() < until) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                }
                Thread.onSpinWait();
            }
            finished.set(true);
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        job.close();

        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
        assertThat(job.running()).isFalse();
    }

    @Test
    void aRoundCanStopTheJob() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        AtomicReference<PeriodicJob> self = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        PeriodicJob job = new PeriodicJob("once", OFTEN, () -> {
            rounds.incrementAndGet();
            while (self.get() == null) {
                Thread.onSpinWait();
            }
            self.get().stop();
            stopped.countDown();
        });
        self.set(job);

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        job.close();
        assertThat(rounds.get()).isEqualTo(1);
        assertThat(job.running()).isFalse();
    }
}
