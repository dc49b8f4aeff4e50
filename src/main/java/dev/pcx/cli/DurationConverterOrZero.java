package dev.pcx.cli;

import picocli.CommandLine;

import java.time.Duration;

/** A duration that may also be zero ({@code 0}, {@code 0ms}): for delays that can be switched off. */
public final class DurationConverterOrZero implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.trim();
        if (v.matches("0+(\\.0+)?\\s*(ms|s|m|h)?")) {
            return Duration.ZERO;
        }
        return DurationConverter.parse(v);
    }
}
