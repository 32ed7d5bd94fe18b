import type { ChildProcess } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";

/**
 * Every process the cluster tooling started, with its pid written to a file as it starts: Ctrl-C
 * stops them here, and a wrapper that had to kill this process (CI's time limit) stops them by pid.
 */
export class ProcessList {
  private readonly children: { child: ChildProcess; name: string }[] = [];

  constructor(private readonly pidFile: string) {
    writeFileSync(pidFile, `# ${process.pid} cluster tooling\n`, { flag: "a" });
  }

  /** Names the folder the processes write to, for the same wrapper to remove. */
  noteFolder(dir: string): void {
    appendFileSync(this.pidFile, `# dir ${dir}\n`);
  }

  add(child: ChildProcess, name: string): void {
    this.children.push({ child, name });
    if (child.pid) appendFileSync(this.pidFile, `${child.pid} ${name}\n`);
  }

  /** Stops every process still running (SIGTERM, SIGKILL after 20 s), all at once: what they hold is throwaway. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.children.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }

  /** Last resort on process exit: no waiting possible, so SIGKILL whatever still runs. */
  killAllNow(): void {
    for (const { child } of this.children) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  }
}
