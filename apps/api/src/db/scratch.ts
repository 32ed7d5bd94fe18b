import { randomBytes } from "node:crypto";
import { createConnection } from "mysql2/promise";

/** A fresh, empty MySQL database for one test suite or one tool run; `drop()` removes it. */
export async function createScratchMysql(
  serverUrl: string,
  purpose: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(serverUrl);
  const name = `zuofu_${purpose}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = await createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username || "root"),
    password: decodeURIComponent(base.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const conn = await createConnection({
        host: base.hostname,
        port: Number(base.port || 3306),
        user: decodeURIComponent(base.username || "root"),
        password: decodeURIComponent(base.password),
      });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
