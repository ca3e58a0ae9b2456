package org.edgeslice.meo.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.edgeslice.contract.common.ProblemDetails;
import org.edgeslice.contract.mec010.host.MecHostInfo;
import org.edgeslice.contract.mec010.lcm.CreateAppInstanceRequest;
import org.edgeslice.contract.mec010.lcm.InstantiateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperateAppRequest;
import org.edgeslice.contract.mec010.lcm.OperationState;
import org.edgeslice.contract.mec010.lcm.TerminateAppRequest;
import org.edgeslice.meo.lcm.MepmGateway;
import org.edgeslice.support.json.Json;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Mm3 over HTTP: one MicroProfile Rest Client per MEPM apiRoot, built once and cached (hosts register at run
 * time, so the clients cannot be injected by configuration key).
 */
@ApplicationScoped
public class RestMepmGateway implements MepmGateway {

    private static final ObjectMapper LENIENT = new ObjectMapper();

    private final Map<String, MepmClient> clients = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "meo.mm3.connect-timeout", defaultValue = "3000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "meo.mm3.read-timeout", defaultValue = "30000")
    long readTimeoutMs;

    MepmClient client(MecHostInfo host) {
        return clients.computeIfAbsent(host.mepmApiRoot(), root -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(root.endsWith("/") ? root : root + "/"))
                .connectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                .readTimeout(readTimeoutMs, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(MepmClient.class));
    }

    @Override
    public void ensureInstance(MecHostInfo host, CreateAppInstanceRequest request) {
        call(host, "POST app_instances", c -> c.createInstance(json(request)), (status, body, r) -> {
            if (status == 201 || status == 200 || status == 409) {
                return null;
            }
            throw unexpected(host, "POST app_instances", status, body);
        });
    }

    @Override
    public Delegation instantiate(MecHostInfo host, String appInstanceId, InstantiateAppRequest request) {
        return task(host, appInstanceId, "instantiate", json(request));
    }

    @Override
    public Delegation terminate(MecHostInfo host, String appInstanceId, TerminateAppRequest request) {
        return task(host, appInstanceId, "terminate", json(request));
    }

    @Override
    public Delegation operate(MecHostInfo host, String appInstanceId, OperateAppRequest request) {
        return task(host, appInstanceId, "operate", json(request));
    }

    private Delegation task(MecHostInfo host, String appInstanceId, String task, String body) {
        String what = "POST app_instances/" + appInstanceId + "/" + task;
        return call(host, what, c -> c.task(appInstanceId, task, body), (status, text, r) -> {
            if (status == 202 || status == 200 || status == 201) {
                String location = r.getHeaderString("Location");
                String id = location != null ? location.substring(location.lastIndexOf('/') + 1)
                        : parse(text).path("id").asText(null);
                if (id == null || id.isBlank()) {
                    throw unexpected(host, what, status, "no Location of the op occurrence");
                }
                return new Delegation(id, null);
            }
            if (status == 409 || status == 404) {
                return new Delegation(null, problem(status, text));
            }
            throw unexpected(host, what, status, text);
        });
    }

    @Override
    public RemoteOp opOcc(MecHostInfo host, String mepmOpOccId) {
        String what = "GET app_lcm_op_occs/" + mepmOpOccId;
        return call(host, what, c -> c.opOcc(mepmOpOccId), (status, text, r) -> {
            if (status != 200) {
                throw unexpected(host, what, status, text);
            }
            JsonNode op = parse(text);
            String state = op.path("operationState").asText("");
            OperationState s;
            try {
                s = OperationState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw unexpected(host, what, status, "operationState '" + state + "'");
            }
            JsonNode err = op.get("error");
            ProblemDetails pd = err == null || !err.isObject() ? null : new ProblemDetails(err.path("type").asText(null),
                    err.path("title").asText(null), err.has("status") ? err.get("status").asInt() : null,
                    err.path("detail").asText(null), err.path("instance").asText(null));
            return new RemoteOp(s, pd);
        });
    }

    @Override
    public RemoteInstance instance(MecHostInfo host, String appInstanceId) {
        String what = "GET app_instances/" + appInstanceId;
        return call(host, what, c -> c.instance(appInstanceId), (status, text, r) -> {
            if (status == 404) {
                return new RemoteInstance(null, null);
            }
            if (status != 200) {
                throw unexpected(host, what, status, text);
            }
            JsonNode i = parse(text);
            String op = i.path("instantiatedAppState").path("operationalState").asText(i.path("operationalState").asText(null));
            return new RemoteInstance(i.path("instantiationState").asText(null), op);
        });
    }

    @Override
    public void cancel(MecHostInfo host, String mepmOpOccId) {
        if (mepmOpOccId == null) {
            return;
        }
        try {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("cancelMode", "FORCEFUL");
            client(host).cancel(mepmOpOccId, body.toString()).close();
        } catch (RuntimeException ignored) {
            // best effort: the MEO's op occurrence ends FAILED_TEMP either way
        }
    }

    @Override
    public void deleteInstance(MecHostInfo host, String appInstanceId) {
        String what = "DELETE app_instances/" + appInstanceId;
        call(host, what, c -> c.deleteInstance(appInstanceId), (status, text, r) -> {
            if (status == 204 || status == 200 || status == 404) {
                return null;
            }
            throw unexpected(host, what, status, text);
        });
    }

    /** Subscribes the MEO's Mm3 callback at a MEPM for op occurrence and instance state changes. */
    public void subscribe(MecHostInfo host, String callbackUri) {
        for (String type : new String[] {"AppLcmOpOccStateChangeSubscription", "AppInstanceStateChangeSubscription"}) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("subscriptionType", type)
                    .put("callbackUri", callbackUri);
            call(host, "POST subscriptions", c -> c.subscribe(body.toString()), (status, text, r) -> {
                if (status / 100 != 2) {
                    throw unexpected(host, "POST subscriptions", status, text);
                }
                return null;
            });
        }
    }

    private interface Handler<T> {
        T handle(int status, String body, Response response);
    }

    private <T> T call(MecHostInfo host, String what, Function<MepmClient, Response> request, Handler<T> handler) {
        Response r;
        try {
            r = request.apply(client(host));
        } catch (ProcessingException | jakarta.ws.rs.WebApplicationException e) {
            throw new MepmException("MEPM of host " + host.hostId() + " (" + host.mepmApiRoot() + ") unreachable for "
                    + what + ": " + e.getMessage(), e);
        }
        try (r) {
            String body = r.hasEntity() ? r.readEntity(String.class) : "";
            return handler.handle(r.getStatus(), body, r);
        } catch (ProcessingException e) {
            throw new MepmException("MEPM of host " + host.hostId() + ": unreadable answer to " + what, e);
        }
    }

    private static MepmException unexpected(MecHostInfo host, String what, int status, String body) {
        return new MepmException("MEPM of host " + host.hostId() + " answered " + what + " with " + status + ": "
                + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body));
    }

    private static ProblemDetails problem(int status, String text) {
        JsonNode p = parse(text);
        return new ProblemDetails(p.path("type").asText(null), p.path("title").asText(null), status,
                p.path("detail").asText(text), null);
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JsonNodeFactory.instance.objectNode() : LENIENT.readTree(text);
        } catch (Exception e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
