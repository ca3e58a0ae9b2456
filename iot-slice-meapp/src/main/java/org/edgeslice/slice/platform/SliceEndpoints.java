package org.edgeslice.slice.platform;

import java.util.Map;
import org.edgeslice.onem2m.function.CommonServiceFunction;
import org.edgeslice.onem2m.function.FunctionSet;

/**
 * Where the running slice listens: what a MEC platform registration announces as the slice's service endpoints.
 *
 * @param mainPort      the endpoint serving every function, or -1
 * @param functionPorts the per-function endpoints
 */
public record SliceEndpoints(String bindAddress, int mainPort, Map<CommonServiceFunction, Integer> functionPorts,
                             FunctionSet functions, String cseId, String cseName) {
    /**
     * Written out for the slice's "ready" log line: a record's generated {@code toString} spins some 40
     * method-handle classes on its first call, which would then stay resident in the idle slice.
     */
    @Override
    public String toString() {
        return "main " + bindAddress + ':' + mainPort + ", per function " + functionPorts + ", CSE " + cseId + '/'
                + cseName;
    }
}
