package io.smartrouter.platform.security;

/** Which credential authenticated a request: the project's secret key (server side) or its public key (client side). */
public enum KeyType {
    SECRET,
    PUBLIC
}
