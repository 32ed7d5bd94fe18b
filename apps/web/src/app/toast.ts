/**
 * A short message at the top of the page (antd's `message`), its code loaded on first use: pages
 * that may say "已保存" do not carry the notification library on their first load.
 */
export const toast = {
  success: (text: string): void => void show("success", text),
  error: (text: string): void => void show("error", text),
};

async function show(kind: "success" | "error", text: string): Promise<void> {
  const { default: message } = await import("antd/es/message");
  void message[kind](text);
}
