package dev.pcx.cli;

import dev.pcx.auth.Cloud;
import okhttp3.HttpUrl;

/** Where a command line would talk to, before credentials: for {@code pcx auth login}. */
public record Target(Cloud cloud, HttpUrl endpoint, HttpUrl authority, boolean sandbox) {
}
