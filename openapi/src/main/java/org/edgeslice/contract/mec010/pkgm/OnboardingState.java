package org.edgeslice.contract.mec010.pkgm;

/** ETSI GS MEC 010-2 {@code OnboardingState}: CREATED -> UPLOADING -> PROCESSING -> ONBOARDED. */
public enum OnboardingState {
    CREATED, UPLOADING, PROCESSING, ONBOARDED
}
