import { creditCodeCheckChar, normalizeCreditCode, validateCreditCode } from "../credit-code";

// Real, published codes, each checked against our algorithm:
// - 91350100M000100Y43: the example used throughout GB 32100 write-ups.
// - 91110000600037341L: the test vector of python-stdnum (cn.uscc).
// - 914403001922038216: Huawei Technologies Co., Ltd. (华为技术有限公司).
// - 91440300708461136T: Shenzhen Tencent Computer Systems Co., Ltd. (深圳市腾讯计算机系统有限公司).
// Two other codes recalled from memory (911100001000013428, 91110000100001698K) fail the check,
// so they were dropped rather than "fixed".
const REAL = ["91350100M000100Y43", "91110000600037341L", "914403001922038216", "91440300708461136T"];

describe("creditCodeCheckChar", () => {
  it("computes 3 for 91350100M000100Y4", () => {
    // By hand: values 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
    // × weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
    // = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 28; 31 - 28 = 3 → '3'.
    expect(creditCodeCheckChar("91350100M000100Y4")).toBe("3");
  });

  it.each(REAL)("agrees with the last char of %s", (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it("maps a weighted sum divisible by 31 to 0", () => {
    expect(creditCodeCheckChar("00000000000000000")).toBe("0");
  });

  it("rejects bad input", () => {
    expect(() => creditCodeCheckChar("91350100M000100Y")).toThrow(RangeError);
    expect(() => creditCodeCheckChar("91350100M000100I4")).toThrow(RangeError);
  });
});

describe("validateCreditCode", () => {
  it.each(REAL)("accepts %s", (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code });
  });

  it("normalizes case and surrounding spaces", () => {
    expect(normalizeCreditCode(" 91350100m000100y43 ")).toBe("91350100M000100Y43");
    expect(validateCreditCode(" 91350100m000100y43 ")).toEqual({ ok: true, value: "91350100M000100Y43" });
  });

  it.each([
    ["91350100M000100Y44", "check char changed"],
    ["91350100M000100Y33", "body digit changed"],
    ["91110000600037341M", "check char changed"],
    ["914403001922038217", "check char changed"],
    ["92440300708461136T", "type char changed"],
  ])("rejects %s (%s) with CHECK_CHAR", (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: "CHECK_CHAR" });
  });

  it.each([
    ["91350100M000100I43", "letter I"],
    ["91350100M000100O43", "letter O"],
    ["91350100M000100Z43", "letter Z"],
    ["91350100M000100S43", "letter S"],
    ["91350100M000100V43", "letter V"],
    ["91350100M000100Y4", "17 characters"],
    ["91350100M000100Y431", "19 characters"],
    ["9135A100M000100Y43", "letter in the region code"],
    ["91350100M000-00Y43", "punctuation"],
    ["", "empty"],
  ])("rejects %s (%s) with FORMAT", (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason: "FORMAT" });
  });
});
