package org.edgeslice.mep.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.edgeslice.contract.common.LinkType;
import org.edgeslice.contract.mec011.SerAvailabilityNotificationSubscription;
import org.edgeslice.contract.mec011.ServiceAvailabilityNotification;
import org.edgeslice.contract.mec011.ServiceChangeType;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.mep.infrastructure.JsonText;
import org.edgeslice.mep.notification.Outbox;
import org.edgeslice.mep.subscription.StoredSubscription;
import org.edgeslice.mep.subscription.SubscriptionKind;
import org.edgeslice.mep.subscription.Subscriptions;

/** Queues a {@code ServiceAvailabilityNotification} for every subscription a service change matches. */
@ApplicationScoped
public class ServiceAvailabilityNotifier {

    @Inject
    Subscriptions subscriptions;

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(ServiceInfo service, ServiceChangeType change) {
        for (StoredSubscription s : subscriptions.all(SubscriptionKind.SER_AVAILABILITY)) {
            SerAvailabilityNotificationSubscription sub =
                    JsonText.read(s.bodyJson(), SerAvailabilityNotificationSubscription.class);
            if (AvailabilityFilter.matches(sub.filteringCriteria(), service)) {
                LinkType self = service.links() == null ? null : service.links().self();
                outbox.enqueue(s.id(), s.callbackReference(), new ServiceAvailabilityNotification(
                        ServiceAvailabilityNotification.TYPE,
                        List.of(new ServiceAvailabilityNotification.ServiceReference(self, service.serName(),
                                service.serInstanceId(), service.state(), change)),
                        new ServiceAvailabilityNotification.Links(sub.links().self())));
            }
        }
    }
}
