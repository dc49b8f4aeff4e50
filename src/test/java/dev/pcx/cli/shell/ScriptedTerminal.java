package dev.pcx.cli.shell;

import dev.pcx.api.Sleeper;
import dev.pcx.cli.Io;
import dev.pcx.cli.Session;
import org.jline.terminal.Terminal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The interactive shell on a dumb terminal that types a script, against the in-process sandbox. */
final class ScriptedTerminal {
    private ScriptedTerminal() {
    }

    /**
     * Runs {@code pcx --sandbox shell} interactively with {@code history}, {@code typed} as the
     * keystrokes; the commands' stdout and stderr together. The shell must end with exit 0.
     */
    static String run(Path config, Path history, String typed) throws Exception {
        ByteArrayOutputStream commands = new ByteArrayOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(commands, true, StandardCharsets.UTF_8);
        Io io = new Io(InputStream.nullInputStream(), o, o, false, false, false, () -> 100);
        try (Session session = new Session(io, Map.of("PCX_CONFIG_DIR", config.toString()), Sleeper.SYSTEM, System::nanoTime);
             Terminal terminal = new org.jline.terminal.impl.DumbTerminal("test", "dumb",
                     new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            Shell shell = new Shell(session, List.of("--sandbox"));
            int exit = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> ShellCommand.interactive(shell, terminal, history));
            assertEquals(0, exit, screen.toString(StandardCharsets.UTF_8));
        }
        return commands.toString(StandardCharsets.UTF_8);
    }
}
