package dev.pcx.cli;

import okhttp3.HttpUrl;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a URL in the person's browser: {@code $BROWSER} when set (as other CLIs do), else
 * {@code xdg-open} on a Linux desktop, {@code open} on macOS, {@code rundll32} on Windows. Where
 * there is none (a server, CI), says so, and the caller prints the URL instead.
 */
public final class Browser {
    private Browser() {
    }

    /** The command that would open {@code url} here, or null when there is no browser. */
    static List<String> command(Map<String, String> env, String os, String url) {
        String browser = env.get("BROWSER");
        if (browser != null && !browser.isBlank()) {
            List<String> cmd = new ArrayList<>(List.of(browser.trim().split("\\s+")));
            cmd.add(url);
            return cmd;
        }
        String o = os.toLowerCase(Locale.ROOT);
        if (o.contains("mac")) {
            return List.of("open", url);
        }
        if (o.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        boolean desktop = env.get("DISPLAY") != null || env.get("WAYLAND_DISPLAY") != null;
        return desktop && onPath(env, "xdg-open") ? List.of("xdg-open", url) : null;
    }

    private static boolean onPath(Map<String, String> env, String name) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** The hosts whose admin portals pcx opens (and their subdomains): Microsoft's and 21Vianet's. */
    static final List<String> PORTAL_DOMAINS = List.of("office.com", "microsoft.com", "microsoftonline.com",
            "microsoftonline.cn", "office365.com", "azure.com", "azure.cn", "chinacloudapi.cn");

    /**
     * {@code url} as it may be handed to a browser: https, on a portal host, in its normalised form
     * (so it cannot start with '-' and be taken for an option); null for anything else
     * ({@code file:}, {@code javascript:}, plain http, another host).
     */
    public static String portalUrl(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null || !parsed.isHttps()) {
            return null;
        }
        String host = parsed.host().toLowerCase(Locale.ROOT);
        boolean portal = PORTAL_DOMAINS.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
        return portal ? parsed.toString() : null;
    }

    /**
     * Starts the browser without waiting for it; false when there is none or it would not start.
     * The browser inherits no PCX_ variable: a token or secret in the environment stays with pcx.
     */
    public static boolean open(Map<String, String> env, String url) {
        List<String> cmd = command(env, System.getProperty("os.name", ""), url);
        if (cmd == null) {
            return false;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().keySet().removeIf(k -> k.toUpperCase(Locale.ROOT).startsWith("PCX_"));
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
