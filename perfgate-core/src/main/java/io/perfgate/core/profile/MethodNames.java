package io.perfgate.core.profile;

/** How frames are shown: {@code shop.pricing.OrderPricing.applyDiscounts} reads as {@code OrderPricing.applyDiscounts}. */
public final class MethodNames {
    private MethodNames() {
    }

    /** The simple class name and the method; a name without a package is returned as it is. */
    public static String shortName(String frame) {
        int method = frame.lastIndexOf('.');
        if (method <= 0) {
            return frame;
        }
        int pkg = frame.lastIndexOf('.', method - 1);
        return frame.substring(pkg + 1);
    }
}
