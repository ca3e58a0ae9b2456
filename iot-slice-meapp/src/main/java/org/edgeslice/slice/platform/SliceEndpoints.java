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
}
