package org.edgeslice.onem2m.procedure;

import java.util.ArrayList;
import java.util.List;
import org.edgeslice.onem2m.common.Onem2mException;
import org.edgeslice.onem2m.common.ResourceType;
import org.edgeslice.onem2m.common.ResponseStatusCode;
import org.edgeslice.onem2m.resource.Resource;
import org.edgeslice.onem2m.request.Request;
import org.edgeslice.onem2m.request.Response;
import org.edgeslice.onem2m.store.WriteBatch;

/**
 * DELETE (TS-0001 §10.1.5, TS-0004 §7.3.3.5): the resource and its whole subtree go in one batch; the CSEBase
 * cannot be deleted (4005); DELETE of {@code la}/{@code ol} deletes the newest/oldest instance. Subscribers learn
 * of it ({@code net} 2 and 4), deleted subscriptions send {@code sud}, and a deleted content instance is taken off
 * its container's {@code cni}/{@code cbs}.
 */
final class DeleteProcedure {
    private final CseContext ctx;

    DeleteProcedure(CseContext ctx) {
        this.ctx = ctx;
    }

    Response delete(Request req, Target target) {
        int rcn = ResultContent.choose(req.resultContent(), 0, ResultContent.DELETE);
        Resource victim = target.resource();
        if (target.isVirtual()) {
            victim = (target.virtual() == Target.Virtual.LATEST
                    ? ctx.store().latestChild(victim.ri(), ResourceType.CONTENT_INSTANCE)
                    : ctx.store().oldestChild(victim.ri(), ResourceType.CONTENT_INSTANCE))
                    .orElseThrow(() -> Onem2mException.notFound("container has no content instance"));
        }
        if (victim.type() == ResourceType.CSE_BASE) {
            throw Onem2mException.notAllowed("the CSEBase cannot be deleted");
        }
        Deleted d = deleteLocked(victim.ri());
        if (d == null) {
            throw Onem2mException.notFound("resource deleted");
        }
        announce(d);
        return Response.of(ResponseStatusCode.DELETED, rcn == 1 ? ResultContent.representation(d.root) : null);
    }

    /**
     * What one delete removed, for the notifications sent after the lock is released: the subtree, and the groups
     * that listed some of it and were changed.
     */
    record Deleted(Resource root, Resource parent, List<Resource> subtree, List<Resource> groups) {
    }

    /** Deletes the resource and its subtree; returns null if it is already gone. */
    Deleted deleteLocked(String ri) {
        ctx.writeLock().lock();
        try {
            Resource root = ctx.store().get(ri).orElse(null);
            if (root == null) {
                return null;
            }
            List<Resource> subtree = new ArrayList<>();
            collect(root, subtree);
            WriteBatch batch = new WriteBatch();
            // children first, so a store that checks references (a database) never sees an orphan
            for (int i = subtree.size() - 1; i >= 0; i--) {
                batch.delete(subtree.get(i).ri());
            }
            Resource parent = ctx.store().get(root.pi()).orElse(null);
            if (parent != null && root.type() == ResourceType.CONTENT_INSTANCE) {
                Resource p = parent.copy();
                ContainerPolicy.account(p, List.of(root));
                batch.update(p);
                parent = p;
            }
            List<Resource> groups = ctx.groups().leave(subtree, batch);
            ctx.store().write(batch);
            ctx.groups().removed(subtree, groups);
            return new Deleted(root, parent, subtree, groups);
        } finally {
            ctx.writeLock().unlock();
        }
    }

    void announce(Deleted d) {
        if (!ctx.notificationsEnabled()) {
            return;
        }
        List<Resource> ownSubs = new ArrayList<>();
        for (Resource r : d.subtree) {
            if (r.type() == ResourceType.SUBSCRIPTION && d.root.ri().equals(r.pi())) {
                ownSubs.add(r);
            }
        }
        ctx.notifications().resourceDeleted(d.root, ownSubs);
        if (d.parent != null) {
            ctx.notifications().childDeleted(d.parent, d.root);
        }
        for (Resource r : d.subtree) {
            if (r.type() == ResourceType.SUBSCRIPTION) {
                ctx.notifications().subscriptionDeleted(r);
            }
        }
        ctx.announce(d.groups);
    }

    private void collect(Resource r, List<Resource> out) {
        out.add(r);
        for (Resource c : ctx.store().children(r.ri())) {
            collect(c, out);
        }
    }
}
