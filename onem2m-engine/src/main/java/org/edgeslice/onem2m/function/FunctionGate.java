package org.edgeslice.onem2m.function;

import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.Operation;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;

/**
 * Decides which common service function a request needs and refuses it when the slice does not hold it
 * (5001 NOT_IMPLEMENTED, HTTP 501, TS-0004 §6.6: "the requested operation is not supported by the receiver") or
 * when the slice holds it but the endpoint that received the request does not serve it (4005
 * OPERATION_NOT_ALLOWED, HTTP 405: the function exists but not at that address; the debug text names the
 * function so a client can find the right port).
 */
public final class FunctionGate {
    private final FunctionSet held;

    public FunctionGate(FunctionSet held) {
        this.held = held;
    }

    public FunctionSet held() {
        return held;
    }

    /**
     * @param targetType type of the target resource (for CREATE: of the resource to create); may be null for a
     *                   RETRIEVE or NOTIFY
     */
    public static CommonServiceFunction required(Operation op, ResourceType targetType) {
        return switch (op) {
            case RETRIEVE, DISCOVERY -> CommonServiceFunction.RETRIEVE;
            case NOTIFY -> CommonServiceFunction.NOTIFICATION;
            case CREATE, UPDATE, DELETE -> {
                if (targetType == null) {
                    yield CommonServiceFunction.DATA_MANAGEMENT;
                }
                yield switch (targetType) {
                    case AE, ACCESS_CONTROL_POLICY -> CommonServiceFunction.REGISTRATION;
                    case SUBSCRIPTION -> CommonServiceFunction.SUBSCRIPTION;
                    case GROUP -> CommonServiceFunction.GROUP_MANAGEMENT;
                    default -> CommonServiceFunction.DATA_MANAGEMENT;
                };
            }
        };
    }

    /** @throws Onem2mException 5001 or 4005 as described in the class comment */
    public void check(CommonServiceFunction function, FunctionSet servedHere) {
        if (!held.contains(function)) {
            throw new Onem2mException(ResponseStatusCode.NOT_IMPLEMENTED,
                    "function " + function.configName() + " is not part of this IoT slice");
        }
        if (servedHere != null && !servedHere.contains(function)) {
            throw new Onem2mException(ResponseStatusCode.OPERATION_NOT_ALLOWED,
                    "function " + function.configName() + " is not served on this endpoint");
        }
    }
}
