package io.perfgate.core.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** The guard every perfgate client shares: requests go to this machine's loopback interface unless allowed. */
public final class LoopbackTarget {
    private LoopbackTarget() {
    }

    /**
     * Refuses a URI whose host resolves to any address that is not loopback.
     *
     * @param what names the target in messages: {@code load scenario 'users'}
     * @throws LoadConfigurationException for a non-loopback host; LoadRunException for a host that does not resolve
     */
    public static void require(URI uri, String what) {
        String host = uri.getHost();
        if (host == null) {
            throw new LoadConfigurationException(what + ": " + uri + " names no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new LoadRunException(what + ": cannot resolve host '" + host + "' of " + uri, e);
        }
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                throw new LoadConfigurationException(what + ": " + uri + " resolves to "
                        + address.getHostAddress() + ", which is not this machine's loopback interface; perfgate only"
                        + " loads remote hosts when allowRemoteHost is set, so a mistyped URL never loads someone else's service");
            }
        }
    }
}
