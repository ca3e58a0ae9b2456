package org.edgeslice.cloud.issm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.edgeslice.cloud.infrastructure.CloudSettings;
import org.edgeslice.cloud.meo.MeoClient;
import org.edgeslice.contract.mec010.pkgm.Checksum;
import org.edgeslice.contract.mec010.pkgm.CreateAppPkg;

/**
 * The ISSM (IoT service slice manager): makes sure that the slice image for a function set is in the CSFR (builds
 * and pushes it when it is missing or was built from other slice artifacts) and that its application package is
 * onboarded at the MEO (writes the AppD and the package, serves it at appPkgPath, onboards it and waits for
 * ONBOARDED). Serialised: two requests for the same function set never build twice.
 */
@ApplicationScoped
public class SliceManager {

    private static final Logger LOG = Logger.getLogger(SliceManager.class.getName());

    @Inject
    CloudSettings settings;

    @Inject
    PackageRepository packages;

    /** Packages known ONBOARDED at the MEO, by function set, image and version. */
    private final Map<String, PackageResult> onboarded = new java.util.HashMap<>();

    /** Step 05a: the image in the CSFR. */
    public synchronized ImageResult ensureImage(FunctionSelection functions) {
        String repo = settings.sliceRepository();
        String tag = functions.tag();
        String reference = settings.registry() + "/" + repo + ":" + tag;
        Optional<String> local = settings.localArtifacts();
        if (local.isPresent()) {
            // no Docker Engine: no image and no CSFR; the hosts' local-process drivers run the laid-out artifacts
            SliceArtifacts artifacts = SliceArtifacts.at(Path.of(settings.sliceArtifacts().orElseThrow(() ->
                    new IllegalStateException("cloud.slice.artifacts is not set: the ISSM needs the iot-slice-meapp build output"))));
            LocalSliceLayout.Laid laid = LocalSliceLayout.ensure(Path.of(local.get()), repo, functions, artifacts);
            if (laid.made()) {
                LOG.info(() -> "ISSM laid out " + reference + " for the local-process driver in " + laid.dir()
                        + " (" + laid.millis() + " ms)");
            }
            return new ImageResult(reference, laid.made(), laid.millis(), 0, artifacts.digest().substring(0, 12));
        }
        CsfrRegistry registry = new CsfrRegistry(settings.registry());
        try {
            Optional<Map<String, String>> labels = registry.labels(repo, tag);
            if (!settings.imageBuild()) {
                String digest = labels.map(l -> l.get(SliceImageBuilder.DIGEST_LABEL)).orElse("prebuilt0000000");
                return new ImageResult(reference, false, 0, 0, digest.substring(0, 12));
            }
            Path dir = Path.of(settings.sliceArtifacts().orElseThrow(() -> new IllegalStateException(
                    "cloud.slice.artifacts is not set: the ISSM needs the iot-slice-meapp build output")));
            SliceArtifacts artifacts = SliceArtifacts.at(dir);
            String digest = artifacts.digest();
            if (labels.isPresent() && digest.equals(labels.get().get(SliceImageBuilder.DIGEST_LABEL))) {
                return new ImageResult(reference, false, 0, 0, digest.substring(0, 12));
            }
            try (SliceImageBuilder builder = new SliceImageBuilder(settings.dockerHost())) {
                Path work = Files.createTempDirectory("issm-build-");
                SliceImageBuilder.Built b = builder.buildAndPush(settings.baseImage(), artifacts, functions, reference,
                        work);
                LOG.info(() -> "ISSM built and pushed " + reference + " in " + b.buildMillis() + "+" + b.pushMillis() + " ms");
                return new ImageResult(reference, true, b.buildMillis(), b.pushMillis(), digest.substring(0, 12));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the CSFR registry " + settings.registry() + " is unreachable: " + e, e);
        }
    }

    /** The image step's outcome; {@code version} is the artifacts digest prefix the package is named after. */
    public record ImageResult(String reference, boolean built, long buildMillis, long pushMillis, String version) {
    }

    /** Step 05b: the package written, stored and onboarded at the MEO. */
    public synchronized PackageResult ensureOnboarded(FunctionSelection functions, ImageResult image, MeoClient meo,
                                                      String callbackBase) {
        // the package of this function set and image onboarded before: one GET tells it is still ONBOARDED (writing
        // the package, saving it and listing the MEO's packages again took ~20 ms of every new slice)
        String key = functions.tag() + "|" + image.reference() + "|" + image.version();
        PackageResult known = onboarded.get(key);
        if (known != null) {
            try {
                if ("ONBOARDED".equals(meo.appPackage(known.appPkgId()).path("onboardingState").asText())) {
                    return new PackageResult(known.appDId(), known.appPkgId(), false);
                }
            } catch (MeoClient.MeoException e) {
                // gone or unreadable: onboarded again below
            }
            onboarded.remove(key);
        }
        PackageResult r = onboard(functions, image, meo, callbackBase);
        onboarded.put(key, r);
        return r;
    }

    private PackageResult onboard(FunctionSelection functions, ImageResult image, MeoClient meo, String callbackBase) {
        AppPackageWriter.Package pkg = AppPackageWriter.write(functions, image.reference(), image.version());
        packages.save(pkg, functions.sliceFunctionsValue(), image.reference());
        String appDId = pkg.appD().appDId();
        // onboarded already (by us or anyone): reuse it
        for (JsonNode p : meo.appPackages()) {
            if (appDId.equals(p.path("appDId").asText()) && "ONBOARDED".equals(p.path("onboardingState").asText())) {
                packages.onboarded(pkg.name(), p.path("id").asText());
                return new PackageResult(appDId, p.path("id").asText(), false);
            }
        }
        String path = callbackBase + "/issm/v1/packages/" + pkg.name() + "/content";
        JsonNode created = meo.createAppPackage(new CreateAppPkg(pkg.name(), pkg.appD().appDVersion(), "edgeslice",
                new Checksum("SHA-256", pkg.sha256()), path, null));
        String id = created.path("id").asText();
        long deadline = System.currentTimeMillis() + 60_000;
        JsonNode info = created;
        while (!"ONBOARDED".equals(info.path("onboardingState").asText())) {
            if (info.hasNonNull("onboardingFailure")) {
                throw new IllegalStateException("the MEO could not onboard " + pkg.name() + ": "
                        + info.path("onboardingFailure").asText());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("package " + id + " not ONBOARDED after 60 s (state "
                        + info.path("onboardingState").asText() + ")");
            }
            sleep(200);
            info = meo.appPackage(id);
        }
        packages.onboarded(pkg.name(), id);
        return new PackageResult(appDId, id, true);
    }

    /** The package step's outcome. */
    public record PackageResult(String appDId, String appPkgId, boolean onboardedNow) {
    }

    public Map<String, String> describe(ImageResult i, PackageResult p) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("image", i.reference());
        ids.put("appDId", p.appDId());
        ids.put("appPkgId", p.appPkgId());
        return ids;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
