package io.smartrouter.payment.transaction.web;

/**
 * The body of {@code POST /invoices/{id}/authorize}. {@code auto_capture_at} and {@code three_d_s} are part of API.md
 * but not supported yet: they are refused rather than ignored.
 */
record AuthorizeRequest(String source) {
}
