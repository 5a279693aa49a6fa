package io.smartrouter.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
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

    /** A chain of blocking steps stays on the thread of its first step: no hand-over, no wake-up of another thread. */
    @Test
    void aStepAskedForOnABlockingThreadRunsThereAtOnce() {
        Mono<List<String>> chain = Blocking.call(() -> Thread.currentThread().getName())
                .flatMap(first -> Blocking.call(() -> List.of(first, Thread.currentThread().getName())))
                .flatMap(names -> Blocking.future(() -> CompletableFuture.completedFuture(
                        List.of(names.get(0), names.get(1), Thread.currentThread().getName()))));

        StepVerifier.create(chain)
                .assertNext(names -> assertThat(names).allSatisfy(name -> assertThat(name).isEqualTo(names.get(0))))
                .verifyComplete();
    }

    /** Only the scheduler's own threads run work at once; any other (an event loop, a timer) hands it over. */
    @Test
    void otherThreadsHandTheWorkOver() {
        assertThat(Blocking.runsAtOnce()).isFalse();
        String worker = Mono.delay(Duration.ofMillis(1))
                .flatMap(tick -> Blocking.call(() -> Thread.currentThread().getName()))
                .block(Duration.ofSeconds(5));
        assertThat(worker).startsWith("blocking-");
    }

    /**
     * Work that waits for other work (with {@code block()}, inside its own transaction, say) hands that work to another
     * thread, as before: it must not run inside the waiting work's transaction or unit of work.
     */
    @Test
    void workAskedForFromInsideWorkIsHandedOver() {
        Mono<List<String>> nested = Blocking.call(() -> {
            assertThat(Blocking.runsAtOnce()).as("inside a piece of work").isFalse();
            String inner = Blocking.call(() -> Thread.currentThread().getName()).block(Duration.ofSeconds(5));
            String innerDispatch = Blocking.future(() -> CompletableFuture.completedFuture(
                    Thread.currentThread().getName())).block(Duration.ofSeconds(5));
            return List.of(Thread.currentThread().getName(), inner, innerDispatch);
        });

        StepVerifier.create(nested)
                .assertNext(names -> {
                    assertThat(names.get(1)).startsWith("blocking-").isNotEqualTo(names.get(0));
                    assertThat(names.get(2)).startsWith("blocking-").isNotEqualTo(names.get(0));
                })
                .verifyComplete();
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
