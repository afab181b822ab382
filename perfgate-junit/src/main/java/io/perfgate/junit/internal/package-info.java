/**
 * Not API: the gate extension's own parts, public only so that perfgate's other test-side module
 * (perfgate-junit-load) can reach them. They change without notice; tests use {@code io.perfgate.junit} and
 * {@code io.perfgate.junit.load}.
 */
package io.perfgate.junit.internal;
