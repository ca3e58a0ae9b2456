package org.edgeslice.mep.subscription;

/** The subscription types of the two Mp1 APIs. */
public enum SubscriptionKind { APP_TERMINATION, SER_AVAILABILITY }
