package org.edgeslice.meapp.mp1;

/**
 * A subscription created at the platform: its resource URI (from the {@code Location} header, else
 * {@code _links.self}) and the last path segment as id.
 */
public record Mp1Subscription(String href, String subscriptionType, String callbackReference) {

    public String id() {
        int slash = href.lastIndexOf('/');
        return slash < 0 ? href : href.substring(slash + 1);
    }
}
