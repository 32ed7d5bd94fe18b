import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../../../..");
/** The tsc build of the API, as `npm start` and the Docker image run it. */
export const BUILT_MAIN = join(ROOT, "apps/api/dist/main.js");

/** A loopback port the kernel just handed out and let go of. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface BuiltServer {
  child: ChildProcess;
  port: number;
  url: string;
  /** The last few kilobytes the process wrote to stderr. */
  output(): string;
  /** Sends the signal (SIGTERM unless told) and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const ATTEMPTS = 5;

/**
 * Starts the built API as its own process on a free port and resolves once `/readyz` answers 200:
 * for tests that need a real process (signals, crashes, two servers on one Redis, a browser).
 *
 * A port that was free when asked can be taken before the server binds it (by a parallel test
 * suite, or as the local end of an outgoing connection); a start that fails with EADDRINUSE tries
 * again on another port, so such a collision never fails a test.
 */
export async function startBuiltServer(
  env: Record<string, string | undefined>,
  /** `stdout`: the request log goes to the terminal, nowhere, or a file descriptor (a log file). */
  options: { stdout?: "inherit" | "ignore" | number; readyWithinMs?: number; firstPort?: number } = {},
): Promise<BuiltServer> {
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && options.firstPort ? options.firstPort : await freePort();
    const child = spawn(process.execPath, [BUILT_MAIN], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ["ignore", options.stdout ?? "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
    const url = `http://127.0.0.1:${port}`;
    const deadline = performance.now() + (options.readyWithinMs ?? 30_000);
    let ready = false;
    while (!ready && child.exitCode === null && child.signalCode === null && performance.now() < deadline) {
      // Bounded: whoever took the port may accept the connection and never answer.
      ready = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    if (ready) {
      return {
        child,
        port,
        url,
        output: () => stderr,
        stop: async (signal = "SIGTERM") => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      };
    }
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    if (!stderr.includes("EADDRINUSE") || attempt === ATTEMPTS) {
      throw new Error(`the built API did not become ready on port ${port}:\n${stderr}`);
    }
  }
}
