package dev.pcx.auth;

import java.util.Locale;

/**
 * A Partner Center instance: where its API is and where its users sign in
 * (partner-center-api.md §0 and §8).
 */
public enum Cloud {
    /** Partner Center operated by 21Vianet. */
    CHINA("https://partner.partnercenterapi.microsoftonline.cn", "https://login.chinacloudapi.cn"),
    /** Global Partner Center. */
    GLOBAL("https://api.partnercenter.microsoft.com", "https://login.microsoftonline.com");

    private final String apiBase;
    private final String authority;

    Cloud(String apiBase, String authority) {
        this.apiBase = apiBase;
        this.authority = authority;
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
