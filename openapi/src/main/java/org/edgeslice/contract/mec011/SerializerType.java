package org.edgeslice.contract.mec011;

/** ETSI GS MEC 011 {@code SerializerType}. */
public enum SerializerType {
    JSON, XML, PROTOBUF3
}
