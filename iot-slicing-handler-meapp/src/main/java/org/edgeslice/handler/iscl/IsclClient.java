package org.edgeslice.handler.iscl;

import org.edgeslice.handler.slice.SliceEntry;

/**
 * The handler's view of the cloud platform's ISCL (steps 03, 11-12 and the release). Calls block until the ISCL has
 * an outcome; the handler runs them on its worker threads.
 */
public interface IsclClient {

    /** Steps 03-1 / 03-2 up to 12: returns when the ISCL's request completed or failed. */
    IsclOutcome submit(IsclRequest request, IsclProgress progress);

    /** After a handler restart: follows a request the ISCL already accepted ({@link IsclProgress#accepted}). */
    IsclOutcome follow(String reference, IsclProgress progress);

    /** Release a slice: final sync, terminate and delete through the MEO. Returns when done (or already gone). */
    void release(SliceEntry slice);
}
