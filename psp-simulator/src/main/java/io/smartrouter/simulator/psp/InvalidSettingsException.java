package io.smartrouter.simulator.psp;

/** Settings a PSP cannot run with; the message names the setting. */
public class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(String message) {
        super(message);
    }
}
