package io.perfgate.core.jmh;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/** JMH runs built from JMH's JSON, with the per-fork iteration scores given, as the steady-state tests need. */
final class WarmupRuns {
    /** bench/jmh-warmup, smoke settings (-f 2 -wi 2 -w 1s -i 3 -r 500ms): smoke-1.json of bench/jmh-smoke-warmup.sh. */
    static final double[][] WORD_COUNT_SMOKE = {{847.5858764805414, 167.4239913014386, 92.70242338336112},
            {862.2066592082616, 153.99787076923076, 94.09937025197442}};
    static final double[][] SORT_SMOKE = {{1356.4639378378379, 1306.3631865284974, 1306.1158485639687},
            {1303.5342, 1337.9431096256685, 1353.7170567567568}};
    /** smoke-2.json: the first iteration better than the later ones, as a loaded machine can make it. */
    static final double[][] SORT_SMOKE_2 = {{1595.237407643312, 1773.966645614035, 1722.7637457044673},
            {1629.0717922077922, 1707.1665135135136, 1792.6814607142858}};
    /** The warmed reference (-f 2 -wi 5 -w 1s -i 5 -r 1s), reference-2.json: steady. */
    static final double[][] WORD_COUNT_REFERENCE_2 = {{92.98390407917861, 94.04684129965256, 91.21934800437397,
            90.15579686514728, 91.1153426490669}, {101.54342858587903, 104.19021089356384, 112.6844054967335,
            113.83635819877189, 133.36959130898427}};
    /** reference-1.json: even after 5 s of warmup, the second fork's first iteration bounced (a deoptimisation). */
    static final double[][] WORD_COUNT_REFERENCE_1 = {{129.63489490734742, 104.80904609260423, 95.20606271412257,
            92.6593399391649, 93.95972458462406}, {247.62779455445545, 93.40067692881799, 98.29331044981339,
            94.42363727152816, 92.63576041859604}};

    private WarmupRuns() {
    }

    static JmhRun wordCount(String mode, int warmupIterations, double[][] rawData) {
        return run("bench.WordCountBench.count", mode, warmupIterations, Map.of("words", "2000"), rawData);
    }

    static JmhRun run(String benchmark, String mode, int warmupIterations, Map<String, String> params,
                      double[][] rawData) {
        return run(benchmark, mode, warmupIterations, params, rawData, null);
    }

    /** A word-count run whose iterations' threads waited these shares of each iteration for a CPU. */
    static JmhRun wordCount(String mode, double[][] rawData, double[][] cpuWait) {
        return run("bench.WordCountBench.count", mode, 5, Map.of("words", "2000"), rawData, cpuWait);
    }

    private static String rawData(double[][] rawData) {
        return Arrays.stream(rawData).map(fork -> Arrays.stream(fork).mapToObj(Double::toString)
                .collect(Collectors.joining(", ", "[", "]"))).collect(Collectors.joining(", ", "[", "]"));
    }

    static JmhRun run(String benchmark, String mode, int warmupIterations, Map<String, String> params,
                      double[][] rawData, double[][] cpuWait) {
        String raw = rawData(rawData);
        String secondary = cpuWait == null ? "{}" : "{\"\u00b7" + JmhRun.CPU_WAIT + "\" : {\"score\" : 0.1,"
                + " \"scoreError\" : \"NaN\", \"scoreUnit\" : \"share\", \"rawData\" : " + rawData(cpuWait) + "}}";
        String paramsJson = params.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\" : \"" + entry.getValue()
                + "\"").collect(Collectors.joining(", ", "{", "}"));
        String unit = mode.equals("thrpt") ? "ops/ms" : "us/op";
        String json = "[{\"jmhVersion\" : \"1.37\", \"benchmark\" : \"" + benchmark + "\", \"mode\" : \"" + mode
                + "\", \"threads\" : 1, \"forks\" : " + rawData.length + ", \"warmupIterations\" : " + warmupIterations
                + ", \"warmupTime\" : \"1 s\", \"measurementIterations\" : " + rawData[0].length
                + ", \"measurementTime\" : \"500 ms\", \"params\" : " + paramsJson
                + ", \"primaryMetric\" : {\"score\" : "
                + Arrays.stream(rawData).flatMapToDouble(Arrays::stream).average().orElse(0)
                + ", \"scoreError\" : 1.0, \"scoreUnit\" : \"" + unit + "\", \"rawData\" : " + raw
                + "}, \"secondaryMetrics\" : " + secondary + "}]";
        return JmhResultReader.parse(json, "test.json").get(0);
    }
}
