import { decodeText, parseCsv } from "../training-import.parser";
import { parseDay } from "../training-import.rows";

describe("CSV reading", () => {
  it("handles quotes, escaped quotes, commas and line breaks inside quotes, CRLF and blank lines", () => {
    const text = '课程,姓名\r\n"研修班, 春季","王""大""明"\r\n\r\n"多行\n地点",李四\n  ,  \n最后,一行';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ["课程", "姓名"] },
      { line: 2, cells: ["研修班, 春季", '王"大"明'] },
      { line: 4, cells: ["多行\n地点", "李四"] },
      { line: 7, cells: ["最后", "一行"] },
    ]);
  });

  it("reads UTF-8 with a BOM, and GBK as Excel saves it on Chinese Windows", () => {
    expect(decodeText(Buffer.from("\uFEFF状态\n结业", "utf8"))).toBe("状态\n结业");
    // "结业" in GBK.
    expect(decodeText(Buffer.from([0x73, 0x2c, 0xbd, 0xe1, 0xd2, 0xb5]))).toBe("s,结业");
  });
});

describe("dates", () => {
  it("accept the ways people write them and refuse impossible days", () => {
    expect(["2019-04-10", "2019/4/10", "2019.4.10", "2019年4月10日", "2024-02-29"].map(parseDay)).toEqual([
      "2019-04-10",
      "2019-04-10",
      "2019-04-10",
      "2019-04-10",
      "2024-02-29",
    ]);
    expect(["2023-02-29", "2019-13-01", "10/04/2019", "2019-04", ""].map(parseDay)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
