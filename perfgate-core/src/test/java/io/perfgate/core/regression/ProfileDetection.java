package io.perfgate.core.regression;

import io.perfgate.core.measure.Profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What each profile can detect, computed with the detector {@code check} uses (bench/profile-detection.sh):
 * the smallest p-value its replicates can reach, how many comparisons Holm allows before no regression can
 * be significant, and the smallest regression detected in 95 % of builds for a given replicate noise and
 * suite size (seeded Monte Carlo: one regressed metric among m, the rest unchanged).
 */
public final class ProfileDetection {
    private ProfileDetection() {
    }

    public static void main(String[] args) {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        RegressionDetector detector = new RegressionDetector(RegressionPolicy.defaults());
        System.out.println("| replicates a side | used by | best p (exact test) | most comparisons under Holm"
                + " | interval at 95% |");
        System.out.println("| ---: | --- | --- | ---: | --- |");
        int[][] sizes = {{2, 0}, {3, 0}, {5, 0}, {6, 0}, {7, 0}, {10, 0}, {20, 0}};
        for (int[] size : sizes) {
            int n = size[0];
            double best = RankSumTest.smallestP(n, n);
            System.out.printf(Locale.ROOT, "| %d | %s | 1/%d = %.2g | %d | %s |%n", n, usedBy(n), Math.round(1 / best),
                    best, (long) Math.floor(0.05 / best + 1e-9), detector.intervalPossible(n, n) ? "yes" : "no");
        }
        System.out.println();
        System.out.println("Smallest regression REGRESSED in 95% of builds (allowed +10%, " + trials
                + " trials per step of 5%; '-' = never up to +200%):");
        System.out.println();
        System.out.println("| replicates a side | noise per replicate | 4 comparisons | 20 comparisons | 45 comparisons | 100 comparisons |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int n : new int[] {2, 5, 10, 20}) {
            for (double noise : new double[] {0.02, 0.05, 0.10}) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %.0f%% |", n, noise * 100));
                for (int m : new int[] {4, 20, 45, 100}) {
                    row.append(' ').append(minimumDetectable(detector, n, m, noise, trials)).append(" |");
                }
                System.out.println(row);
            }
        }
    }

    private static String usedBy(int n) {
        List<String> users = new ArrayList<>();
        for (Profile profile : Profile.values()) {
            if (profile.rounds() == n) {
                users.add(profile.id() + " (JUnit rounds)");
            }
        }
        if (n == 2) {
            users.add("smoke (JMH forks)");
        } else if (n == 5) {
            users.add("standard (JMH forks)");
        } else if (n == 10) {
            users.add("comprehensive (JMH forks)");
        }
        return users.isEmpty() ? "" : String.join(", ", users);
    }

    private static String minimumDetectable(RegressionDetector detector, int n, int m, double noise, int trials) {
        if (!detector.intervalPossible(n, n) || !detector.significanceReachable(n, n, m)) {
            return "-";
        }
        for (int percent = 5; percent <= 200; percent += 5) {
            SplittableRandom random = new SplittableRandom(20240501L + 31L * percent + n * 7919L + m);
            int detected = 0;
            for (int trial = 0; trial < trials; trial++) {
                List<ComparisonInput> suite = new ArrayList<>(m);
                for (int i = 0; i < m; i++) {
                    double factor = i == 0 ? 1 + percent / 100.0 : 1;
                    suite.add(new ComparisonInput("t" + i, "T#m" + i, RegressionMetric.P50, values(random, n, noise, 1),
                            values(random, n, noise, factor), "baseline"));
                }
                if (detector.compare(suite).get(0).outcome() == RegressionOutcome.REGRESSED) {
                    detected++;
                }
            }
            if (detected >= 0.95 * trials) {
                return "+" + percent + "%";
            }
        }
        return "-";
    }

    private static double[] values(SplittableRandom random, int n, double noise, double factor) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1e6 * factor * Math.exp(noise * random.nextGaussian());
        }
        return values;
    }
}
