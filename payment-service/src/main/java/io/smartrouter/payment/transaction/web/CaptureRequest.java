package io.smartrouter.payment.transaction.web;

/** The body of {@code POST /invoices/{id}/capture}: an optional partial amount, an optional source for a sale. */
record CaptureRequest(String amount, String source) {
}
