import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from "typeorm";

/** Narrows a list of users to part of a name or a whole phone number (`alias` names the user table). */
export function matchNameOrPhone<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  search: string | null | undefined,
): void {
  const q = search?.trim();
  if (!q) return;
  qb.andWhere(
    new Brackets((w) =>
      w
        // "!" escapes the wildcards the same way on SQLite and MySQL (a backslash does not).
        .where(`${alias}.name LIKE :nameSearch ESCAPE '!'`, { nameSearch: `%${q.replace(/[%_!]/g, "!$&")}%` })
        .orWhere(`${alias}.phone = :phoneSearch`, { phoneSearch: q }),
    ),
  );
}
