/**
 * Not API: the gate extension's own parts, public only so that perfgate's other test-side module
 * (perfgate-junit-load) can reach them. They change without notice; tests should use {@code io.perfgate.junit}.
 */
package io.perfgate.junit.internal;
