import { rankNominations, topByQuota, weightedAverage } from "../award-ranking";

const criteria = [
  { id: 1, weight: 40 },
  { id: 2, weight: 30 },
  { id: 3, weight: 30 },
];
const sheet = (nominationId: number, judgeUserId: number, values: number[]) => ({
  nominationId,
  judgeUserId,
  scores: new Map(values.map((v, i) => [i + 1, v] as [number, number])),
});

describe("ranking", () => {
  it("weighs criteria, and waits for a complete sheet", () => {
    expect(weightedAverage(criteria, sheet(1, 1, [10, 5, 0]).scores)).toBeCloseTo(5.5);
    expect(weightedAverage(criteria, sheet(1, 1, [10, 5]).scores)).toBeNull();
  });

  it("ranks by the mean over judges; equal scores share a rank and are marked tied; unscored come last", () => {
    const rows = rankNominations(
      [1, 2, 3, 4, 5],
      criteria,
      [
        sheet(1, 1, [8, 8, 8]),
        sheet(2, 1, [9, 9, 9]),
        sheet(2, 2, [7, 7, 7]),
        sheet(3, 1, [6, 6, 6]),
        sheet(4, 1, [9, 9]),
      ],
      false,
    );
    expect(rows.map((r) => [r.nominationId, r.rank, r.tied, r.score, r.completeSheets])).toEqual([
      [1, 1, true, 8, 1],
      [2, 1, true, 8, 2],
      [3, 3, false, 6, 1],
      [4, null, false, null, 0],
      [5, null, false, null, 0],
    ]);
  });

  it("with per-judge z-scores, a lenient judge no longer outweighs a strict one", () => {
    // Judge 1 gives 9–10 to everyone, judge 2 uses the whole scale; each scores different nominations.
    const sheets = [sheet(1, 1, [10, 10, 10]), sheet(2, 1, [9, 9, 9]), sheet(3, 2, [8, 8, 8]), sheet(4, 2, [2, 2, 2])];
    const raw = rankNominations([1, 2, 3, 4], criteria, sheets, false).map((r) => r.nominationId);
    expect(raw).toEqual([1, 2, 3, 4]);
    const normalized = rankNominations([1, 2, 3, 4], criteria, sheets, true);
    expect(normalized.map((r) => [r.nominationId, r.rank, r.score])).toEqual([
      [1, 1, 1],
      [3, 1, 1],
      [2, 3, -1],
      [4, 3, -1],
    ]);
    expect(normalized.every((r) => r.tied)).toBe(true);
  });

  it("takes the top N of the eligible, and says when the last place is shared with one left out", () => {
    const rows = rankNominations(
      [1, 2, 3, 4],
      criteria,
      [sheet(1, 1, [9, 9, 9]), sheet(2, 1, [8, 8, 8]), sheet(3, 1, [8, 8, 8]), sheet(4, 1, [7, 7, 7])],
      false,
    );
    expect(topByQuota(rows, () => true, 1)).toEqual({ winners: [1], ambiguous: false });
    expect(topByQuota(rows, () => true, 2)).toEqual({ winners: [1, 2], ambiguous: true });
    expect(topByQuota(rows, () => true, 3)).toEqual({ winners: [1, 2, 3], ambiguous: false });
    expect(topByQuota(rows, (id) => id !== 1, 2)).toEqual({ winners: [2, 3], ambiguous: false });
  });
});
