package org.edgeslice.mepm.lcm;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgeslice.support.problem.ProblemException;

/**
 * Hands out host ports from {@code mepm.ports.range}: each port to one instance (the table's primary key),
 * skipping ports something else on the machine already listens on (all hosts share the loopback).
 */
@Stateless
public class PortRepository {

    @PersistenceContext(unitName = "mepm")
    EntityManager em;

    /** Allocates one port per name for the instance (or returns those it already holds). */
    public Map<String, Integer> allocate(String appInstanceId, List<String> names, int low, int high) {
        Map<String, Integer> out = new LinkedHashMap<>(held(appInstanceId));
        Set<Integer> used = new HashSet<>(em.createQuery("select p.port from PortEntity p", Integer.class).getResultList());
        int candidate = low;
        for (String name : names) {
            if (out.containsKey(name)) {
                continue;
            }
            while (candidate <= high && (used.contains(candidate) || !free(candidate))) {
                candidate++;
            }
            if (candidate > high) {
                throw new ProblemException(409, "Conflict", "no free host port left in " + low + "-" + high);
            }
            PortEntity p = new PortEntity();
            p.port = candidate;
            p.appInstanceId = appInstanceId;
            p.name = name;
            em.persist(p);
            used.add(candidate);
            out.put(name, candidate);
        }
        em.flush();
        return out;
    }

    public Map<String, Integer> held(String appInstanceId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        em.createQuery("select p from PortEntity p where p.appInstanceId = :i order by p.port", PortEntity.class)
                .setParameter("i", appInstanceId).getResultList().forEach(p -> out.put(p.name, p.port));
        return out;
    }

    public void release(String appInstanceId) {
        em.createQuery("delete from PortEntity p where p.appInstanceId = :i").setParameter("i", appInstanceId).executeUpdate();
    }

    /** Releases the ports of every owner whose id starts with the prefix (the standby pool's control ports). */
    public void releaseOwnersStartingWith(String prefix) {
        em.createQuery("delete from PortEntity p where p.appInstanceId like :p").setParameter("p", prefix + "%")
                .executeUpdate();
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    /** Reads {@code name=port,...} (MEC_PORTS); empty for null or blank. */
    public static Map<String, Integer> parse(String ports) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (ports != null && !ports.isBlank()) {
            for (String pair : ports.split(",")) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq).trim(), Integer.parseInt(pair.substring(eq + 1).trim()));
            }
        }
        return out;
    }

    /** {@code name=port,...} as in MEC_PORTS. */
    public static String format(Map<String, Integer> ports) {
        StringBuilder b = new StringBuilder();
        ports.forEach((n, p) -> b.append(b.length() == 0 ? "" : ",").append(n).append('=').append(p));
        return b.toString();
    }
}
