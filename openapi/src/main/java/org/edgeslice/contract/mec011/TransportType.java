package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code TransportType} (clause 8.1.6.4): how a MEC service is reached. */
public enum TransportType {
    REST_HTTP, MB_TOPIC_BASED, MB_ROUTING, MB_PUBSUB, RPC, RPC_STREAMING, WEBSOCKET
}
