/**
 * The cloud platform's project API (docs: openapi/cloud-platform.yaml): the ISCL request API the slicing handler
 * calls (steps 03-1/03-2 and 12-13 of the slicing procedure), the entire view of IoT slices, the CSFR catalogue and
 * the CISS offloading API. Timestamps are ISO-8601 strings (UTC), because these are the project's own resources
 * read by people and Postman scripts; durations are milliseconds.
 */
package org.edgeslice.contract.cloud;
