package io.smartrouter.simulator.web;

/** A request the simulator refuses before doing anything (400 {@code invalid_request}); never carries card data. */
class BadRequestException extends RuntimeException {

    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
