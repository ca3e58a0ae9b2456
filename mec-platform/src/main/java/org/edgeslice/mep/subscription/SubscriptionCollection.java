package org.edgeslice.mep.subscription;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec011.SubscriptionLinkList;
import org.edgeslice.mep.infrastructure.JsonText;

/**
 * One app's subscription collection at {@code collection} (its absolute URI), as both MEC 011 subscription
 * resources answer it: members at {@code <collection>/<id>}, the collection as a {@link SubscriptionLinkList}, a
 * create as 201 + Location + the stored body.
 */
final class SubscriptionCollection {

    private final String collection;
    private final String prefix;

    SubscriptionCollection(String collection) {
        this.collection = collection;
        this.prefix = collection.endsWith("/") ? collection : collection + "/";
    }

    String href(String id) {
        return prefix + id;
    }

    SubscriptionLinkList linkList(List<StoredSubscription> members, String subscriptionType) {
        return new SubscriptionLinkList(new SubscriptionLinkList.Links(new LinkType(collection), members.stream()
                .map(s -> new SubscriptionLinkList.Subscription(href(s.id()), subscriptionType)).toList()));
    }

    <T> Response created(StoredSubscription s, Class<T> type) {
        return Response.created(URI.create(href(s.id()))).entity(JsonText.read(s.bodyJson(), type)).build();
    }
}
