package dev.eventsourcing.example.bank.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints the hash of a password for the setting {@code bank.security.user.<name>.password-hash}:
 * <pre>
 * java -cp example-war/target/classes dev.eventsourcing.example.bank.security.HashPassword [iterations]
 * </pre>
 * It asks for the password twice without echoing it (or reads one line from standard input
 * when there is no console), so that the password stays out of the shell's history and the
 * process list. Iterations default to {@value PasswordHashes#ITERATIONS}.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        int iterations = args.length == 0 ? PasswordHashes.ITERATIONS : Integer.parseInt(args[0]);
        Console console = System.console();
        char[] password = console != null ? twice(console) : firstLine();
        try {
            if (password.length == 0) {
                fail(System.err, "The password is empty");
            }
            System.out.println(PasswordHashes.hash(password, iterations));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] twice(Console console) {
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Password again: ");
        boolean same = first != null && Arrays.equals(first, second);
        if (second != null) {
            Arrays.fill(second, '\0');
        }
        if (!same) {
            fail(System.err, "The passwords differ");
        }
        return first;
    }

    private static char[] firstLine() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private static void fail(PrintStream err, String message) {
        err.println(message);
        System.exit(1);
    }
}
