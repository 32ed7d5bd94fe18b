import { idCardCheckChar, maskIdCard, normalizeIdCard, validateIdCard } from "../id-card";

// Builds a number with a correct check char, so each test isolates one rule.
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);

describe("idCardCheckChar", () => {
  it("matches the GB 11643-1999 example 11010519491231002X", () => {
    // By hand: digits 1 1 0 1 0 5 1 9 4 9 1 2 3 1 0 0 2 × weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2; "10X98765432"[2] = 'X'.
    expect(idCardCheckChar("11010519491231002")).toBe("X");
  });

  it("computes the check char of other samples", () => {
    // 360426199101010071 is the valid example used by python-stdnum (cn.ric).
    expect(idCardCheckChar("36042619910101007")).toBe("1");
    expect(idCardCheckChar("50010919900307123")).toBe("7");
    expect(idCardCheckChar("50010920000229004")).toBe("6");
  });

  it("rejects input that is not 17 digits", () => {
    expect(() => idCardCheckChar("1101051949123100")).toThrow(RangeError);
    expect(() => idCardCheckChar("1101051949123100X")).toThrow(RangeError);
  });
});

describe("validateIdCard", () => {
  it("accepts the GB 11643 example and extracts birth date and gender", () => {
    expect(validateIdCard("11010519491231002X")).toEqual({
      ok: true,
      value: "11010519491231002X",
      birthDate: "1949-12-31",
      gender: "FEMALE", // 17th digit 2 is even
    });
  });

  it.each([
    ["360426199101010071", "1991-01-01", "MALE"],
    ["500109199003071237", "1990-03-07", "MALE"],
    ["500101198506153212", "1985-06-15", "MALE"],
    ["810000199912310020", "1999-12-31", "FEMALE"], // 81 Hong Kong residence permit
    ["710000198001010010", "1980-01-01", "MALE"], // 71 Taiwan
  ])("accepts %s", (id, birthDate, gender) => {
    expect(validateIdCard(id)).toEqual({ ok: true, value: id, birthDate, gender });
  });

  it("normalizes a lowercase trailing x and surrounding spaces", () => {
    expect(normalizeIdCard(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(validateIdCard(" 11010519491231002x ")).toMatchObject({ ok: true, value: "11010519491231002X" });
  });

  it("rejects a wrong check digit", () => {
    expect(validateIdCard("110105194912310021")).toEqual({ ok: false, reason: "CHECK_DIGIT" });
    expect(validateIdCard("360426199101010070")).toEqual({ ok: false, reason: "CHECK_DIGIT" });
  });

  it("rejects 1880 births (we require 1900-01-01 or later) even with a valid check digit", () => {
    expect(idCardCheckChar("44052418800101001")).toBe("4");
    expect(validateIdCard("440524188001010014")).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdCard(withCheck("11010518991231001"))).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdCard(withCheck("11010519000101001"))).toMatchObject({ ok: true, birthDate: "1900-01-01" });
  });

  it("knows leap years: 1999-02-29 and 1900-02-29 are invalid, 2000-02-29 is valid", () => {
    expect(validateIdCard(withCheck("50010919990229004"))).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdCard(withCheck("50010919000229004"))).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdCard("500109200002290046")).toEqual({
      ok: true,
      value: "500109200002290046",
      birthDate: "2000-02-29",
      gender: "FEMALE",
    });
  });

  it("rejects impossible months and days", () => {
    expect(validateIdCard(withCheck("50010919901301001"))).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdCard(withCheck("50010919900431001"))).toEqual({ ok: false, reason: "BIRTH_DATE" });
    expect(validateIdCard(withCheck("50010919900100001"))).toEqual({ ok: false, reason: "BIRTH_DATE" });
  });

  it("rejects a birth date in the future", () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(validateIdCard(withCheck(`500109${nextYear}0101001`))).toEqual({ ok: false, reason: "BIRTH_DATE" });
  });

  it("rejects an unknown province code", () => {
    expect(validateIdCard(withCheck("99010519491231002"))).toEqual({ ok: false, reason: "REGION" });
    expect(validateIdCard(withCheck("16010519491231002"))).toEqual({ ok: false, reason: "REGION" });
  });

  it.each([
    ["110105491231002", "legacy 15-digit number"],
    ["11010519491231002", "17 characters"],
    ["11010519491231002X1", "19 characters"],
    ["1101051949123100X2", "X not in last position"],
    ["11010519491231002Y", "letter other than X"],
    ["", "empty"],
  ])("rejects %s as FORMAT (%s)", (id) => {
    expect(validateIdCard(id)).toEqual({ ok: false, reason: "FORMAT" });
  });
});

describe("maskIdCard", () => {
  it("keeps the first 6 and last 4 characters", () => {
    expect(maskIdCard("50010119900101123X")).toBe("500101********123X");
    expect(maskIdCard("11010519491231002x")).toBe("110105********002X");
  });
});
