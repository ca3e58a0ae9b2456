package org.edgeslice.handler.request;

/** Step 03-1 (a new slice: function generation and task offloading) or 03-2 (a running slice covers: offloading only). */
public enum SlicingPath {
    SLICING, OFFLOADING_ONLY
}
