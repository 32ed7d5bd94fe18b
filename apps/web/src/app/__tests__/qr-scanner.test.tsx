import { act, fireEvent, render, screen } from "@testing-library/react";
import { setLocale } from "../i18n";
import { cameraProblem, isNewRead, QrScanner, REPEAT_AFTER_MS } from "../qr-scanner";

describe("the camera QR reader", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("hands a held code on once, and again only after a pause; another code at once", () => {
    expect(isNewRead(null, "T-1", 0)).toBe(true);
    const last = { text: "T-1", at: 1_000 };
    expect(isNewRead(last, "T-1", 1_000 + 200)).toBe(false);
    expect(isNewRead(last, "T-1", 1_000 + REPEAT_AFTER_MS - 1)).toBe(false);
    expect(isNewRead(last, "T-1", 1_000 + REPEAT_AFTER_MS)).toBe(true);
    expect(isNewRead(last, "T-2", 1_000 + 200)).toBe(true);
  });

  it("names why the camera did not open", () => {
    expect(cameraProblem({ name: "NotAllowedError" })).toBe("cameraDenied");
    expect(cameraProblem({ name: "NotFoundError" })).toBe("noCamera");
    expect(cameraProblem({ name: "NotReadableError" })).toBe("noCamera");
    expect(cameraProblem(new Error("boom"))).toBe("cameraFailed");
    expect(cameraProblem(null)).toBe("cameraFailed");
  });

  it("says so on the page where the browser has no camera, and still closes", () => {
    const onClose = jest.fn();
    render(<QrScanner onCode={() => {}} onClose={onClose} />);
    expect(screen.getByRole("alert").textContent).toMatch(/没有找到可用的摄像头|浏览器只在 https 网页上开放摄像头/);
    fireEvent.click(screen.getByRole("button", { name: "关闭摄像头" }));
    expect(onClose).toHaveBeenCalled();
  });
});
