package io.smartrouter.simulator.psp;

/** What goes wrong with one request, drawn from the PSP's error rates. */
public enum Fault {
    NONE,
    /** 503 {@code not_processed}: nothing was done. */
    NOT_PROCESSED,
    /** 500 before doing anything: the caller cannot know that. */
    INTERNAL_ERROR_BEFORE,
    /** 500 after doing the operation: its outcome is recorded and a status lookup finds it. */
    INTERNAL_ERROR_AFTER,
    /** The operation is done, the answer held back beyond the caller's timeout. */
    HANG
}
