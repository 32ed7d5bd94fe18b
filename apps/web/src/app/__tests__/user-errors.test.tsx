import { formFieldOf, splitUserErrors } from "../user-errors";

describe("userErrors → form fields", () => {
  it("names the form field from the input path", () => {
    expect(formFieldOf(["input", "phone"])).toBe("phone");
    expect(formFieldOf(["input", "roles", "0"])).toBe("roles");
    // class-validator's errors come without the argument name
    expect(formFieldOf(["name"])).toBe("name");
    expect(formFieldOf(["input"])).toBeNull();
    expect(formFieldOf(null)).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });

  it("puts errors beside fields the form has and the rest above it", () => {
    const result = splitUserErrors(
      [
        { code: "INVALID_PHONE", field: ["input", "phone"], message: "请输入有效的中国大陆手机号" },
        { code: "PASSWORD_TOO_SHORT", field: ["input", "password"], message: "密码至少需要8个字符" },
        { code: "PASSWORD_TOO_WEAK", field: ["input", "password"], message: "密码需同时包含字母和数字" },
        { code: "NOT_FOUND", field: ["input", "userId"], message: "找不到该用户" },
        { code: "INTERNAL", field: null, message: "服务器内部错误" },
      ],
      ["phone", "password", "name"],
    );
    expect(result.fieldErrors).toEqual([
      { name: "phone", errors: ["请输入有效的中国大陆手机号"] },
      { name: "password", errors: ["密码至少需要8个字符", "密码需同时包含字母和数字"] },
    ]);
    expect(result.formErrors).toEqual(["找不到该用户", "服务器内部错误"]);
  });

  it("has nothing to show when there are no errors", () => {
    expect(splitUserErrors([], ["phone"])).toEqual({ fieldErrors: [], formErrors: [] });
  });
});
