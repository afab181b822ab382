package io.perfgate.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;

/** Turns priced orders into the JSON the shop's API returns. */
public final class OrderJson {

    private final ObjectMapper mapper = new ObjectMapper();

    public String encode(PricedOrder order) {
        try {
            return mapper.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
