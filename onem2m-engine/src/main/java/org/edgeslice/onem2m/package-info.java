/**
 * A framework-free oneM2M CSE engine (TS-0001 functional architecture, TS-0004 core protocol, TS-0009 HTTP
 * binding) used by the IoT slice ME App and the cloud CISS.
 *
 * <h2>Packages</h2>
 * <ul>
 *   <li>{@code resource}: resources as attribute trees with short names, and the attribute/child policies per type
 *       (CSEBase, AE, container, contentInstance, subscription, accessControlPolicy, group);</li>
 *   <li>{@code procedure}: {@link org.edgeslice.onem2m.procedure.CseEngine}, the entry point, and the CREATE,
 *       RETRIEVE, UPDATE, DELETE procedures, target resolution, {@code la}/{@code ol}, container limits, group
 *       members and the {@code fopt} fan-out;</li>
 *   <li>{@code discovery}: filter criteria; {@code acp}: access decisions; {@code notification}: {@code m2m:sgn}
 *       delivery; {@code store}: the {@link org.edgeslice.onem2m.store.ResourceStore} interface, the in-memory
 *       store and the write-ahead-logged store; {@code binding}: the HTTP binding
 *       ({@link org.edgeslice.onem2m.binding.HttpBinding});</li>
 *   <li>{@code function}: the common service functions a slice holds.</li>
 * </ul>
 *
 * <h2>Function sets</h2>
 * An IoT slice holds a subset of the common service functions (Hwang et al. 2021; TS-0001 §6.2). The engine maps
 * each request to the one function it needs:
 * <table>
 *   <caption>request to function</caption>
 *   <tr><th>function</th><th>requests</th></tr>
 *   <tr><td>REGISTRATION</td><td>CREATE/UPDATE/DELETE of {@code <AE>} and of {@code <accessControlPolicy>} (the
 *       Security CSF's policies belong to whoever registers the AEs they protect)</td></tr>
 *   <tr><td>RETRIEVE</td><td>RETRIEVE of any resource incl. {@code la}/{@code ol}; discovery ({@code fu=1})</td></tr>
 *   <tr><td>SUBSCRIPTION</td><td>CREATE/UPDATE/DELETE of {@code <subscription>}</td></tr>
 *   <tr><td>NOTIFICATION</td><td>sending notifications (verification, events, deletion) and NOTIFY requests
 *       received for an AE. A subscription CREATE also needs it: a slice that cannot notify cannot honour a
 *       subscription, so it answers 5001 instead of accepting one it will never serve</td></tr>
 *   <tr><td>DATA_MANAGEMENT</td><td>CREATE/UPDATE/DELETE of {@code <container>} and {@code <contentInstance>}
 *       (incl. DELETE of {@code la}/{@code ol}). <b>Always held</b>: it is the Data Management and Repository CSF
 *       (TS-0001 §6.2.4) without which the device could not create data at the edge (step 15 of the slicing
 *       procedure)</td></tr>
 *   <tr><td>GROUP_MANAGEMENT</td><td>CREATE/UPDATE/DELETE of {@code <group>} and every request to a group's
 *       {@code fopt} (TS-0001 §6.2.7); each member request then needs its own function. Held by the cloud's
 *       IN-CSE; not one of the paper's slice functions, so a slice answers 5001</td></tr>
 * </table>
 * A request needing a function the CSE does not hold gets 5001 NOT_IMPLEMENTED (HTTP 501). A request reaching an
 * endpoint that does not serve a function the CSE does hold gets 4005 OPERATION_NOT_ALLOWED (HTTP 405).
 */
package org.edgeslice.onem2m;
