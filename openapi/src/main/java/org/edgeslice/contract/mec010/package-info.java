/**
 * ETSI GS MEC 010-2 data types (application package management, application lifecycle management, granting)
 * and the project's MEC host inventory type, shared by the MEO (Mm1, granting, host inventory) and the MEPM
 * (Mm3). Sub-packages: {@code pkgm} (clause 6.2.3, app_pkgm/v1), {@code lcm} (clause 6.2.2, app_lcm/v1),
 * {@code grant} (clause 6.2.4, granting/v1), {@code host} (project API mec_hosts/v1, docs/interfaces.md).
 * v3.x spellings are emitted; v2.1.1 spellings are accepted where the standard is inconsistent (see
 * docs/conformance/meo.md).
 */
package org.edgeslice.contract.mec010;
