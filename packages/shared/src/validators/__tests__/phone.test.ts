import { isMainlandMobile, maskPhone, normalizePhone } from "../phone";

describe("normalizePhone", () => {
  it("strips spaces, dashes and the +86 / 86 prefix", () => {
    expect(normalizePhone(" +86 138 0000 0001 ")).toBe("13800000001");
    expect(normalizePhone("86-138-0000-0001")).toBe("13800000001");
    expect(normalizePhone("138-0000-0001")).toBe("13800000001");
  });

  it("keeps a short number that merely starts with 86", () => {
    expect(normalizePhone("86123456")).toBe("86123456");
  });
});

describe("isMainlandMobile", () => {
  it.each(["13800000001", "+86 138 0000 0001", "8613800000001", "19912345678", "16612345678"])("accepts %s", (raw) =>
    expect(isMainlandMobile(raw)).toBe(true),
  );

  it.each([
    ["12800000001", "second digit 2 is not a mobile segment"],
    ["1380000000", "10 digits"],
    ["138000000012", "12 digits"],
    ["23800000001", "does not start with 1"],
    ["1380000000a", "non-digit"],
    ["", "empty"],
  ])("rejects %s (%s)", (raw) => expect(isMainlandMobile(raw)).toBe(false));
});

describe("maskPhone", () => {
  it("keeps the first 3 and last 4 digits", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
    expect(maskPhone("+86 138 0000 0001")).toBe("138****0001");
  });

  it("hides very short input entirely", () => {
    expect(maskPhone("12345")).toBe("*****");
  });
});
