import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUILT_MAIN, freePort, startBuiltServer } from "../built-server";

describe("startBuiltServer: the built API as a child process for tests", () => {
  let dir: string;
  let squatter: Server;
  const held: Socket[] = [];
  beforeAll(() => {
    if (!existsSync(BUILT_MAIN)) throw new Error("build the API first: npm run build:server");
    dir = mkdtempSync(join(tmpdir(), "zuofu-built-"));
  });
  afterAll(() => {
    held.forEach((socket) => socket.destroy());
    squatter?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("starts on another port when the one it was given is taken between asking and binding", async () => {
    const taken = await freePort();
    // It takes the connections and never answers, as a stranger on the port would.
    squatter = createServer((socket) => held.push(socket));
    await new Promise<void>((r) => squatter.listen(taken, r));
    const server = await startBuiltServer(
      {
        DATABASE_URL: `sqlite:${join(dir, "zuofu.sqlite")}`,
        DEMO_DATA: "0",
        NODE_ENV: "development",
        LOG_LEVEL: "warn",
      },
      { firstPort: taken },
    );
    try {
      expect(server.port).not.toBe(taken);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);

  it("the server itself, on a taken port, exits 1 with a message that names the port and the way out", async () => {
    const taken = await freePort();
    const other = createServer();
    await new Promise<void>((r) => other.listen(taken, r));
    try {
      // The port is bound in the kernel already: blocking this process while the child runs is fine.
      const child = spawnSync(process.execPath, [BUILT_MAIN], {
        env: {
          ...process.env,
          PORT: String(taken),
          DATABASE_URL: `sqlite:${join(dir, "taken.sqlite")}`,
          DEMO_DATA: "0",
          LOG_LEVEL: "warn",
        },
        encoding: "utf8",
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(`port ${taken} is already in use`);
      expect(child.stderr).toContain("set PORT to another port");
    } finally {
      other.close();
    }
  }, 60_000);
});
