package org.edgeslice.contract.mec010.lcm;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ETSI GS MEC 010-2 {@code AppInstanceSubscriptionFilter}: which app instances a subscription covers. */
@Schema(name = "AppInstanceSubscriptionFilter")
public record AppInstanceSubscriptionFilter(
        @Schema(required = true) SelectorType appInstSelectorType,
        @Schema(description = "appInstanceIds, appNames or appDIds, by the selector type") List<String> appInstances,
        List<AppsFromProviders> appsFromProviders) {

    /** {@code AppInstSelectorType}. */
    public enum SelectorType { VOID, APP_IDENTITY, APP_NAME, APP_D_ID, APP_FROM_PROVIDER }

    /** {@code AppsFromProviders}. */
    @Schema(name = "AppsFromProviders")
    public record AppsFromProviders(@Schema(required = true) String appProvider, AppProducts appProducts) {
    }

    /** {@code AppProducts}. */
    @Schema(name = "AppProducts")
    public record AppProducts(@Schema(required = true) String appName, Versions versions) {
    }

    /** {@code AppProducts.Versions}. */
    @Schema(name = "AppProductsVersions")
    public record Versions(@Schema(required = true) String appSoftVersion, List<String> appDVersion) {
    }

    /** Whether an instance with these attributes is selected. */
    public boolean matches(String appInstanceId, String appName, String appDId, String appProvider,
                           String appSoftVersion, String appDVersion) {
        if (appInstSelectorType == null || appInstSelectorType == SelectorType.VOID) {
            return true;
        }
        List<String> values = appInstances == null ? List.of() : appInstances;
        return switch (appInstSelectorType) {
            case APP_IDENTITY -> values.contains(appInstanceId);
            case APP_NAME -> values.contains(appName);
            case APP_D_ID -> values.contains(appDId);
            case APP_FROM_PROVIDER -> appsFromProviders != null && appsFromProviders.stream().anyMatch(p ->
                    p.appProvider().equals(appProvider) && (p.appProducts() == null
                            || (p.appProducts().appName().equals(appName) && (p.appProducts().versions() == null
                            || (p.appProducts().versions().appSoftVersion().equals(appSoftVersion)
                            && (p.appProducts().versions().appDVersion() == null
                            || p.appProducts().versions().appDVersion().contains(appDVersion)))))));
            default -> true;
        };
    }
}
