package org.edgeslice.mepm.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.edgeslice.contract.mec010.pkgm.AppD;
import org.edgeslice.mepm.http.JsonHttp;
import org.edgeslice.mepm.meo.MeoClient;

/** The AppDs available on this host: kept locally once fetched from the MEO (Mm3). */
@ApplicationScoped
public class PackageService {

    @Inject
    PackageRepository packages;

    @Inject
    MeoClient meo;

    /** The AppD, fetched from the MEO when the host does not have it yet; empty when the MEO does not know it. */
    public Optional<AppD> appD(String appDId) {
        Optional<AppPackageEntity> held = packages.find(appDId);
        if (held.isPresent()) {
            return Optional.of(parse(held.get().appdJson));
        }
        String json = meo.appD(appDId);
        if (json == null) {
            return Optional.empty();
        }
        AppD appD = parse(json);
        if (!appDId.equals(appD.appDId())) {
            throw new JsonHttp.PeerException("the MEO returned AppD " + appD.appDId() + " for " + appDId, null);
        }
        packages.save(appDId, json);
        return Optional.of(appD);
    }

    /** An AppD the host already holds (instances keep theirs even if the MEO deletes the package). */
    public AppD held(String appDId) {
        return packages.find(appDId).map(p -> parse(p.appdJson))
                .orElseThrow(() -> new IllegalStateException("AppD " + appDId + " not held on this host"));
    }

    public List<AppD> all() {
        return packages.findAll().stream().map(p -> parse(p.appdJson)).toList();
    }

    static AppD parse(String json) {
        try {
            return JsonHttp.READ.readValue(json, AppD.class);
        } catch (JsonProcessingException e) {
            throw new JsonHttp.PeerException("not an AppD: " + e.getOriginalMessage(), e);
        }
    }
}
