/** The ranking of a cycle's nominations from the judges' score sets: pure, so it is tested on its own. */

export interface CriterionWeight {
  id: number;
  weight: number;
}

export interface ScoreSheet {
  nominationId: number;
  judgeUserId: number;
  /** criterionId → 0..10 */
  scores: Map<number, number>;
}

export interface RankedNomination {
  nominationId: number;
  /** Mean over judges of their weighted averages (or z-scores); null without a complete sheet. */
  score: number | null;
  completeSheets: number;
  rank: number | null;
  tied: boolean;
}

/** A sheet's weighted average (0–10), or null while a criterion is unscored. */
export function weightedAverage(criteria: CriterionWeight[], scores: Map<number, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores.get(c.id);
    if (s === undefined) return null;
    sum += s * c.weight;
    weights += c.weight;
  }
  return weights ? sum / weights : null;
}

// Averages of small integers: equal within this many decimals means equal.
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * Ranks nominations by the mean of their complete sheets. With `normalize`, each judge's averages
 * become z-scores over that judge's own sheets first, so a strict and a lenient judge weigh the
 * same. Equal scores share a rank (1, 2, 2, 4) and are marked tied; unscored ones come last.
 */
export function rankNominations(
  nominationIds: number[],
  criteria: CriterionWeight[],
  sheets: ScoreSheet[],
  normalize: boolean,
): RankedNomination[] {
  const complete = sheets.flatMap((s) => {
    const average = weightedAverage(criteria, s.scores);
    return average === null ? [] : [{ ...s, value: average }];
  });
  if (normalize) {
    const byJudge = new Map<number, number[]>();
    for (const s of complete) byJudge.set(s.judgeUserId, [...(byJudge.get(s.judgeUserId) ?? []), s.value]);
    const stats = new Map(
      [...byJudge].map(([judge, values]) => {
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
        return [judge, { mean, sd }];
      }),
    );
    for (const s of complete) {
      const { mean, sd } = stats.get(s.judgeUserId)!;
      s.value = sd > 0 ? (s.value - mean) / sd : 0;
    }
  }
  const rows: RankedNomination[] = nominationIds.map((id) => {
    const mine = complete.filter((s) => s.nominationId === id);
    return {
      nominationId: id,
      score: mine.length ? round(mine.reduce((a, s) => a + s.value, 0) / mine.length) : null,
      completeSheets: mine.length,
      rank: null,
      tied: false,
    };
  });
  rows.sort((a, b) =>
    a.score === null || b.score === null
      ? (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) || a.nominationId - b.nominationId
      : b.score - a.score || a.nominationId - b.nominationId,
  );
  rows.forEach((row, i) => {
    if (row.score === null) return;
    const prev = rows[i - 1];
    row.rank = prev && prev.score === row.score ? prev.rank : i + 1;
  });
  for (const row of rows) row.tied = row.rank !== null && rows.some((o) => o !== row && o.rank === row.rank);
  return rows;
}

/**
 * The top `quota` among the eligible, in ranking order; `ambiguous` when the last place is shared
 * with a nomination left out, so that staff must choose (with a reason).
 */
export function topByQuota(
  ranked: RankedNomination[],
  eligible: (nominationId: number) => boolean,
  quota: number,
): { winners: number[]; ambiguous: boolean } {
  const candidates = ranked.filter((r) => r.score !== null && eligible(r.nominationId));
  const winners = candidates.slice(0, quota);
  const next = candidates[quota];
  return {
    winners: winners.map((r) => r.nominationId),
    ambiguous: Boolean(next && winners.length && next.score === winners[winners.length - 1].score),
  };
}
