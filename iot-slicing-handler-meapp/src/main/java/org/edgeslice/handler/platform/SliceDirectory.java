package org.edgeslice.handler.platform;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgeslice.contract.mec011.EndPointInfo;
import org.edgeslice.contract.mec011.ServiceAvailabilityNotification;
import org.edgeslice.contract.mec011.ServiceChangeType;
import org.edgeslice.contract.mec011.ServiceInfo;
import org.edgeslice.contract.mec011.ServiceState;
import org.edgeslice.handler.procedure.SlicingProcedure;
import org.edgeslice.handler.slice.SliceEntry;
import org.edgeslice.handler.slice.SliceTable;
import org.edgeslice.meapp.mp1.Mp1Client;
import org.edgeslice.meapp.mp1.Mp1Exception;
import org.edgeslice.meapp.mp1.ServiceQuery;

/**
 * Keeps the slice table right from the MEC platform's point of view (step 02's input): every slice registers one
 * MEC service per function ({@code serName} {@code onem2m-<function>}, {@code onem2m-cse} for the main endpoint) in
 * the category {@code onem2m-csf}, with {@code serCategory.href} naming its registration
 * ({@code .../registrations/{appInstanceId}}), so the handler can tell which slice a service belongs to. The handler
 * subscribes to availability notifications for that category and discovers the current services at start.
 */
public final class SliceDirectory {
    public static final String SERVICE_PREFIX = "onem2m-";
    private static final System.Logger LOG = System.getLogger(SliceDirectory.class.getName());

    private final Mp1Client client;
    private final SliceTable table;
    private final SlicingProcedure procedure;
    private final String category;
    private final Clock clock;

    public SliceDirectory(Mp1Client client, SliceTable table, SlicingProcedure procedure, String category, Clock clock) {
        this.client = client;
        this.table = table;
        this.procedure = procedure;
        this.category = category;
        this.clock = clock;
    }

    /** At start: take the services the platform has now; services the table remembers that are gone go. */
    public void reconcile() {
        List<ServiceInfo> now = client.discover(ServiceQuery.byCategoryIds(List.of(category)));
        Set<String> live = new HashSet<>();
        for (ServiceInfo s : now) {
            if (s.state() == ServiceState.ACTIVE && up(s)) {
                live.add(s.serInstanceId());
            }
        }
        for (SliceEntry e : table.all()) {
            for (String ser : e.services().keySet()) {
                if (!live.contains(ser)) {
                    table.serviceDown(ser).ifPresent(procedure::sliceGone);
                }
            }
        }
    }

    public void onNotification(ServiceAvailabilityNotification n) {
        if (n.serviceReferences() == null) {
            return;
        }
        for (ServiceAvailabilityNotification.ServiceReference ref : n.serviceReferences()) {
            if (ref.serInstanceId() == null) {
                continue;
            }
            if (ref.changeType() == ServiceChangeType.REMOVED || ref.state() != null && ref.state() != ServiceState.ACTIVE) {
                table.serviceDown(ref.serInstanceId()).ifPresent(gone -> {
                    LOG.log(Level.INFO, "slice {0} vanished (its MEC services are gone)", gone.appInstanceId());
                    procedure.sliceGone(gone);
                });
                continue;
            }
            try {
                ServiceInfo s = client.service(ref.serInstanceId());
                if (s.state() == ServiceState.ACTIVE) {
                    up(s);
                } else {
                    table.serviceDown(s.serInstanceId()).ifPresent(procedure::sliceGone);
                }
            } catch (Mp1Exception e) {
                if (e.status() == 404) {
                    table.serviceDown(ref.serInstanceId()).ifPresent(procedure::sliceGone);
                } else {
                    LOG.log(Level.WARNING, "cannot read service {0}: {1}", ref.serInstanceId(), e.getMessage());
                }
            }
        }
    }

    private boolean up(ServiceInfo s) {
        String app = appInstanceOf(s);
        String function = functionOf(s.serName());
        if (app == null || function == null) {
            LOG.log(Level.DEBUG, "service {0} ({1}) is not a slice function; ignored", s.serInstanceId(), s.serName());
            return false;
        }
        table.serviceUp(app, s.serInstanceId(), function, endpointOf(s), null, clock.instant());
        return true;
    }

    static String functionOf(String serName) {
        if (serName == null || !serName.startsWith(SERVICE_PREFIX)) {
            return null;
        }
        String f = serName.substring(SERVICE_PREFIX.length());
        return f.equals("cse") ? "http" : f;
    }

    static String appInstanceOf(ServiceInfo s) {
        if (s.serCategory() == null || s.serCategory().href() == null) {
            return null;
        }
        String href = s.serCategory().href();
        for (String marker : List.of("/registrations/", "/applications/", "/app_instances/")) {
            int i = href.lastIndexOf(marker);
            if (i >= 0) {
                String rest = href.substring(i + marker.length());
                int slash = rest.indexOf('/');
                return slash < 0 ? rest : rest.substring(0, slash);
            }
        }
        return null;
    }

    static String endpointOf(ServiceInfo s) {
        if (s.transportInfo() == null || s.transportInfo().endpoint() == null) {
            return null;
        }
        EndPointInfo e = s.transportInfo().endpoint();
        if (e.uris() != null && !e.uris().isEmpty()) {
            return e.uris().get(0);
        }
        if (e.addresses() != null && !e.addresses().isEmpty()) {
            return "http://" + e.addresses().get(0).host() + ":" + e.addresses().get(0).port();
        }
        return null;
    }
}
