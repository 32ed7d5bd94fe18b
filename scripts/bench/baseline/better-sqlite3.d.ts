/** The part of better-sqlite3's API the baseline uses (the package ships no types). */
declare module "better-sqlite3" {
  class Database {
    constructor(file: string, options?: { readonly?: boolean; timeout?: number });
    prepare(sql: string): Database.Statement;
    close(): void;
  }
  namespace Database {
    interface Statement {
      all(...params: unknown[]): Record<string, unknown>[];
    }
  }
  export = Database;
}
