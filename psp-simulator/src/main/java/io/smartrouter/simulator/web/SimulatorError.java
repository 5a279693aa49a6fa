package io.smartrouter.simulator.web;

/** Every non-2xx answer: {@code {"error": {"type": "…", "message": "…"}}}; messages never contain card data. */
public record SimulatorError(Detail error) {

    static SimulatorError of(String type, String message) {
        return new SimulatorError(new Detail(type, message));
    }

    /** {@code type} is one of the README's error types. */
    public record Detail(String type, String message) {
    }
}
