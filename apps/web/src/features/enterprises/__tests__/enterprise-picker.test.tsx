import { act, fireEvent, render, screen } from "@testing-library/react";
import { MockedProvider } from "@apollo/client/testing/react";
import { setLocale } from "../../../app/i18n";
import { enterpriseOptionsQuery } from "../enterprises.documents";
import { EnterprisePicker } from "../enterprise-picker";

const options = {
  request: { query: enterpriseOptionsQuery, variables: { search: null } },
  result: {
    data: {
      enterprises: {
        __typename: "EnterpriseConnection",
        edges: [
          {
            __typename: "EnterpriseEdge",
            node: { __typename: "Enterprise", id: "RW50ZXJwcmlzZTox", name: "重庆测试机电", town: "蔡家岗街道" },
          },
        ],
      },
    },
  },
};

describe("an enterprise picker that loads on focus", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("stands in with a labeled field until focused, then opens the list and hands the choice on", async () => {
    const picked: (string | null)[] = [];
    render(
      <MockedProvider mocks={[options]}>
        <EnterprisePicker loadOnFocus aria-label="添加会员企业" onChange={(id) => picked.push(id)} />
      </MockedProvider>,
    );
    const standIn = screen.getByRole("textbox", { name: "添加会员企业" });
    expect(screen.queryByRole("combobox")).toBeNull();
    fireEvent.focus(standIn);
    // The real select replaces the stand-in, focused with its list open, and asks for the options.
    expect(await screen.findByRole("combobox", { name: "添加会员企业" })).toBeTruthy();
    fireEvent.click(await screen.findByText("重庆测试机电（蔡家岗街道）"));
    expect(picked).toEqual(["RW50ZXJwcmlzZTox"]);
  });
});
