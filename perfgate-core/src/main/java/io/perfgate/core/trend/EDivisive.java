package io.perfgate.core.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * E-divisive means change-point detection (Matteson and James, "A Nonparametric Approach for Multiple
 * Change Point Analysis of Multivariate Data", JASA 2014), as MongoDB and Apache Otava use it on
 * performance histories.
 *
 * <p>For a segment, every split point τ is scored by the energy statistic with α = 1:
 * Q(τ, κ) = m·n/(m+n) · ( 2/(m·n) Σ|x-y| - 1/C(m,2) Σ|x-x'| - 1/C(n,2) Σ|y-y'| ), with X the m
 * values before τ and Y the n values from τ up to κ, maximized over τ and κ. The best split is accepted when a permutation test
 * (the segment's values shuffled, with a seeded generator so results repeat) finds at most a
 * {@code maxPValue} share of shuffles scoring as high. Accepted splits divide the series; the search
 * repeats on the segments, taking the most significant candidate each time, until none is significant.
 */
public final class EDivisive {
    private final double maxPValue;
    private final int permutations;
    private final int minSegment;

    /**
     * @param maxPValue    the permutation p-value a change point must reach (0.001 by default)
     * @param permutations shuffles per test (at least {@code 1 / maxPValue}; 999 by default)
     * @param minSegment   the fewest points on either side of a change (3 by default)
     */
    public EDivisive(double maxPValue, int permutations, int minSegment) {
        if (!(maxPValue > 0 && maxPValue < 1) || permutations < 1 || minSegment < 2) {
            throw new IllegalArgumentException("maxPValue in (0, 1), permutations >= 1 and minSegment >= 2 required");
        }
        this.maxPValue = maxPValue;
        this.permutations = permutations;
        this.minSegment = minSegment;
    }

    public static EDivisive defaults() {
        return new EDivisive(0.001, 999, 3);
    }

    /** A change point: the series changes from index {@code index} on (the first point of the new segment). */
    public record ChangePoint(int index, double pValue) {
    }

    /** The significant change points of the series, by index. */
    public List<ChangePoint> detect(double[] series, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ChangePoint> found = new ArrayList<>();
        List<int[]> segments = new ArrayList<>();
        segments.add(new int[] {0, series.length});
        while (true) {
            Candidate best = null;
            for (int[] segment : segments) {
                Candidate candidate = bestSplit(series, segment[0], segment[1]);
                if (candidate != null && (best == null || candidate.score > best.score)) {
                    best = candidate;
                }
            }
            if (best == null) {
                break;
            }
            double p = permutationPValue(series, best, random);
            if (p > maxPValue) {
                break;
            }
            found.add(new ChangePoint(best.index, p));
            List<int[]> next = new ArrayList<>();
            for (int[] segment : segments) {
                if (segment[0] == best.start && segment[1] == best.end) {
                    next.add(new int[] {segment[0], best.index});
                    next.add(new int[] {best.index, segment[1]});
                } else {
                    next.add(segment);
                }
            }
            segments = next;
        }
        found.sort(Comparator.comparingInt(ChangePoint::index));
        return found;
    }

    private record Candidate(int start, int end, int index, double score) {
    }

    private Candidate bestSplit(double[] series, int start, int end) {
        double[] values = new double[end - start];
        System.arraycopy(series, start, values, 0, values.length);
        double[] best = bestSplit(values);
        return best == null ? null : new Candidate(start, end, start + (int) best[0], best[1]);
    }

    /**
     * {split index, score} of the best split of the values, or null when the segment is too short. As
     * in the paper, the second sample Y runs from the split to a free end κ, also searched, so a change
     * that is later reversed still stands out.
     */
    double[] bestSplit(double[] values) {
        int size = values.length;
        if (size < 2 * minSegment) {
            return null;
        }
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestIndex = -1;
        double sumXX = 0; // pairwise distances within X = values[0, tau)
        for (int tau = 1; tau <= size - minSegment; tau++) {
            int added = tau - 1;
            for (int i = 0; i < added; i++) {
                sumXX += Math.abs(values[added] - values[i]);
            }
            if (tau < minSegment) {
                continue;
            }
            int m = tau;
            double withinX = sumXX / (m * (m - 1) / 2.0);
            double sumYY = 0; // within Y = values[tau, kappa)
            double sumXY = 0;
            for (int kappa = tau + 1; kappa <= size; kappa++) {
                int q = kappa - 1;
                for (int j = tau; j < q; j++) {
                    sumYY += Math.abs(values[q] - values[j]);
                }
                for (int i = 0; i < tau; i++) {
                    sumXY += Math.abs(values[q] - values[i]);
                }
                int n = kappa - tau;
                if (n < minSegment) {
                    continue;
                }
                double between = 2 * sumXY / ((double) m * n);
                double withinY = sumYY / (n * (n - 1) / 2.0);
                double score = (double) m * n / (m + n) * (between - withinX - withinY);
                if (score > bestScore) {
                    bestScore = score;
                    bestIndex = tau;
                }
            }
        }
        return bestIndex < 0 ? null : new double[] {bestIndex, bestScore};
    }

    private double permutationPValue(double[] series, Candidate candidate, SplittableRandom random) {
        double[] values = new double[candidate.end - candidate.start];
        System.arraycopy(series, candidate.start, values, 0, values.length);
        int atLeast = 0;
        // stop early once the candidate can no longer be significant
        int allowed = (int) Math.floor(maxPValue * (permutations + 1)) - 1;
        for (int r = 0; r < permutations; r++) {
            shuffle(values, random);
            double[] best = bestSplit(values);
            if (best != null && best[1] >= candidate.score) {
                atLeast++;
                if (atLeast > allowed) {
                    return (atLeast + 1.0) / (r + 2.0);
                }
            }
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }

    private static void shuffle(double[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
