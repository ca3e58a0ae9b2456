package org.edgeslice.meo.grant;

import org.edgeslice.contract.mec010.grant.Grant;

/** What the MEO answers to a grant request or a grant poll: the grant, or "still being decided" (202). */
public sealed interface GrantAnswer {

    /** Decided: POST answers 201, GET 200. */
    record Granted(Grant grant) implements GrantAnswer {
    }

    /** Not decided yet: 202 + Location {@code href}, to be polled. */
    record Pending(String id, String href) implements GrantAnswer {
    }
}
