package io.smartrouter.platform.security;

/**
 * Which credential authenticated a request: the project's secret key (server side), its public key (client side), or
 * another Smart Router service calling an internal endpoint on the project's behalf.
 */
public enum KeyType {
    SECRET,
    PUBLIC,
    SERVICE
}
