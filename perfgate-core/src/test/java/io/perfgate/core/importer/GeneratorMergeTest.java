package io.perfgate.core.importer;

import com.sun.net.httpserver.HttpServer;
import io.perfgate.core.latency.LatencyHistogram;
import io.perfgate.core.load.Flow;
import io.perfgate.core.load.HttpStep;
import io.perfgate.core.load.LoadGenerator;
import io.perfgate.core.load.LoadRun;
import io.perfgate.core.load.LoadScenario;
import io.perfgate.core.load.LoadShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three perfgate generators (each its own engine and I/O thread, run at once) load one loopback server; each writes
 * its interval log; the logs merged give the percentiles of all their samples, not the average of theirs.
 */
class GeneratorMergeTest {
    @TempDir
    Path dir;

    @Test
    void intervalLogsOfThreeGeneratorsMergeAsHistograms() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService workers = Executors.newFixedThreadPool(16);
        server.setExecutor(workers);
        // three paths of different speed, so the generators' distributions differ
        for (String[] path : new String[][] {{"/fast", "0"}, {"/medium", "3"}, {"/slow", "15"}}) {
            int baseMs = Integer.parseInt(path[1]);
            server.createContext(path[0], exchange -> {
                try (exchange) {
                    if (baseMs > 0) {
                        Thread.sleep(baseMs + ThreadLocalRandom.current().nextInt(baseMs * 2));
                    }
                    byte[] body = "ok".getBytes();
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        server.start();
        ExecutorService generators = Executors.newFixedThreadPool(3);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            List<Future<LoadRun>> futures = new ArrayList<>();
            for (String path : List.of("/fast", "/medium", "/slow")) {
                LoadScenario scenario = LoadScenario.builder(base).name("gen" + path.replace('/', '-'))
                        .warmup(Duration.ofMillis(200)).connections(8)
                        .shape(LoadShape.Open.constant(100, Duration.ofSeconds(3)))
                        .flow(Flow.of("get", HttpStep.get(path))).build();
                futures.add(generators.submit(() -> LoadGenerator.run(scenario)));
            }
            LatencyHistogram all = new LatencyHistogram();
            List<FileRecording> recordings = new ArrayList<>();
            double sumOfP99 = 0;
            for (int i = 0; i < futures.size(); i++) {
                LoadRun run = futures.get(i).get();
                all.add(run.overall().latency());
                Path log = dir.resolve(IntervalLogWriter.fileName(run.scenario()));
                IntervalLogWriter.write(run, log);
                FileRecording recording = Importer.read(log, ImportFormat.HDR_LOG, 1);
                assertEquals(run.overall().latency().count(), recording.overall().requests());
                sumOfP99 += recording.overall().latency().valueAtQuantile(0.99);
                recordings.add(recording);
            }
            LatencyHistogram merged = LatencyHistogram.decode(ImportMerge.of(recordings).overall().latencyHistogram());
            assertEquals(all.count(), merged.count());
            assertEquals(all.valueAtQuantile(0.99), merged.valueAtQuantile(0.99));
            double averaged = sumOfP99 / 3;
            System.out.printf("merged p99 %.3f ms (all samples %.3f ms), average of the three p99 %.3f ms, %d samples%n",
                    merged.valueAtQuantile(0.99) / 1e6, all.valueAtQuantile(0.99) / 1e6, averaged / 1e6, merged.count());
            // the margin is small: on a loaded machine stalls can dominate every generator's tail alike
            assertTrue(Math.abs(averaged - merged.valueAtQuantile(0.99)) > 0.01 * merged.valueAtQuantile(0.99),
                    "the average of the p99s (" + averaged + ") differs from the p99 of all samples ("
                            + merged.valueAtQuantile(0.99) + ")");
        } finally {
            generators.shutdownNow();
            server.stop(0);
            workers.shutdownNow();
        }
    }
}
