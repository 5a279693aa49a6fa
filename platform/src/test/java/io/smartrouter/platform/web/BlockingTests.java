package io.smartrouter.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class BlockingTests {

    @Test
    void runsTheWorkOffTheCallersThread() {
        StepVerifier.create(Blocking.call(() -> Thread.currentThread().getName()))
                .assertNext(name -> assertThat(name).startsWith("blocking-"))
                .verifyComplete();
        StepVerifier.create(Blocking.call(() -> null)).verifyComplete();
    }

    /** An interrupt during file I/O closes the FileChannel, and with it an H2 database: cancelling must not interrupt. */
    @Test
    void aCancelledCallRunsToItsEndWithoutAnInterrupt() throws Exception {
        assertThat(interruptedWhenCancelled(Blocking::call)).as("the worker was interrupted").isFalse();
    }

    @Test
    void aCancelledCommandDispatchIsNotInterruptedEither() throws Exception {
        assertThat(interruptedWhenCancelled(work -> Blocking.future(() -> {
            try {
                return CompletableFuture.completedFuture(work.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }))).as("the dispatching thread was interrupted").isFalse();
    }

    /** Starts blocking work through {@code blocking}, cancels it while it runs, and answers whether it saw an interrupt. */
    private static boolean interruptedWhenCancelled(Function<Callable<String>, Mono<String>> blocking) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Disposable call = blocking.apply(() -> {
            started.countDown();
            try {
                release.await();
                interrupted.complete(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
            return "done";
        }).subscribe();
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        call.dispose();
        release.countDown();

        return interrupted.get(5, TimeUnit.SECONDS);
    }
}
