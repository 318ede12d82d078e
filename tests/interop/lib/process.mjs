// Shared plumbing for the interop scripts: arguments, the one-line JSON protocol with the test
// that drives them, and a lifetime bound to the parent process.
import { fstatSync } from "node:fs";
import { parseArgs } from "node:util";

/** Parses --name value options; throws a clear error for unknown ones. */
export function readOptions(options) {
  const { values } = parseArgs({ options, strict: true, allowPositionals: false });
  return values;
}

/** Reads a required environment variable (used for private keys, which never go on the command line). */
export function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    fail(`environment variable ${name} is required`);
  }
  return value;
}

/** Writes one JSON object as one line on stdout: the only thing the driving test parses. */
export function emit(object) {
  process.stdout.write(JSON.stringify(object) + "\n");
}

/** Reports a fatal error as a JSON line and exits non-zero. */
export function fail(message) {
  emit({ event: "error", error: message });
  process.exit(1);
}

/** Parses a TCP port argument; 0 lets the OS pick a free one (reported in the ready line). */
export function parsePort(text) {
  const port = Number.parseInt(text ?? "0", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(`invalid port: ${text}`);
  }
  return port;
}

/**
 * Listens on 127.0.0.1 and prints {"event":"ready","url":...} once the socket is bound.
 * Returns the node:http server.
 */
export function listen(app, port, extra = () => ({})) {
  return new Promise((resolve) => {
    const server = app.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      emit({ event: "ready", url: `http://127.0.0.1:${bound}`, ...extra(bound) });
      resolve(server);
    });
    server.on("error", (error) => fail(`cannot listen on 127.0.0.1:${port}: ${error.message}`));
  });
}

/**
 * Ends the process on SIGTERM/SIGINT, and when the parent closes our stdin (if stdin is a pipe or a
 * socket: a terminal or /dev/null would look closed at once).
 */
export function exitWithParent(onExit = () => {}) {
  const stop = () => {
    try {
      onExit();
    } finally {
      process.exit(0);
    }
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  let stdin;
  try {
    stdin = fstatSync(0);
  } catch {
    return;
  }
  if (stdin.isFIFO() || stdin.isSocket()) {
    process.stdin.on("end", stop);
    process.stdin.on("close", stop);
    process.stdin.resume();
  }
}

/** JSON.stringify replacer that writes bigints as decimal strings. */
export function jsonSafe(value) {
  return JSON.parse(JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() : v)));
}
