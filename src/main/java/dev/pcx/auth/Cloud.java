package dev.pcx.auth;

import java.util.Locale;

/**
 * A Partner Center instance: where its API is and where its users sign in
 * (partner-center-api.md §0 and §8).
 */
public enum Cloud {
    /** Partner Center operated by 21Vianet. */
    CHINA("https://partner.partnercenterapi.microsoftonline.cn", "https://login.chinacloudapi.cn",
            "https://microsoftgraph.chinacloudapi.cn", "https://management.chinacloudapi.cn", false),
    /** Global Partner Center. */
    GLOBAL("https://api.partnercenter.microsoft.com", "https://login.microsoftonline.com",
            "https://graph.microsoft.com", "https://management.azure.com", true);

    private final String apiBase;
    private final String authority;
    private final String graphBase;
    private final String armBase;
    private final boolean azureSupport;

    Cloud(String apiBase, String authority, String graphBase, String armBase, boolean azureSupport) {
        this.apiBase = apiBase;
        this.authority = authority;
        this.graphBase = graphBase;
        this.armBase = armBase;
        this.azureSupport = azureSupport;
    }

    /**
     * Azure Resource Manager in this cloud: where Azure support tickets are filed, and the resource
     * its tokens are issued for ({@code {armBase}/.default}), whatever URL an {@code --arm-endpoint}
     * sends the calls to.
     */
    public String armBase() {
        return armBase;
    }

    /**
     * Whether the Azure Support API ({@code Microsoft.Support}) exists in this cloud
     * (partner-center-api.md §6.2): global only; Azure operated by 21Vianet has no such provider.
     */
    public boolean azureSupport() {
        return azureSupport;
    }

    /**
     * Microsoft Graph in this cloud (partner-center-api.md §5.2): where service health is read, and
     * the resource its tokens are issued for ({@code {graphBase}/.default}), whatever URL a
     * {@code --graph-endpoint} sends the calls to.
     */
    public String graphBase() {
        return graphBase;
    }

    public String apiBase() {
        return apiBase;
    }

    public String authority() {
        return authority;
    }

    /** The Partner Center resource (v1 token requests) is the API base. */
    public String resource() {
        return apiBase;
    }

    public static Cloud parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "china", "21vianet", "cn", "mooncake" -> CHINA;
            case "global", "public", "com" -> GLOBAL;
            default -> throw new IllegalArgumentException("unknown cloud '" + s + "' (use china or global)");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
