import { act, fireEvent, render, screen } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { setLocale } from "../../../app/i18n";
import { myProfileQuery, updateMyProfileMutation } from "../profile.documents";
import { ProfilePage } from "../profile-page";

const enterprise = (id: string, name: string) => ({ __typename: "Enterprise", id, name });
const claim = {
  __typename: "TraineeEnterpriseLink",
  id: "TGluazox",
  status: "PENDING",
  decisionReason: null,
  enterprise: enterprise("RW50ZXJwcmlzZToy", "重庆新东家有限公司"),
};
const trainee = {
  __typename: "Trainee",
  id: "VHJhaW5lZTox",
  name: "张丽",
  gender: null,
  position: null,
  idCardNumber: null,
  enterprise: enterprise("RW50ZXJwcmlzZTox", "重庆旧东家有限公司"),
  pendingEnterpriseLink: claim,
  enterpriseLinks: [claim],
};

const profile: MockedResponse = {
  request: { query: myProfileQuery },
  result: { data: { me: { __typename: "User", id: "VXNlcjox", phone: "13800000004", trainee, traineeClaim: null } } },
};

describe("the portal profile", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("shows a change of enterprise as pending confirmation, and saving other fields leaves the claim alone", async () => {
    // The mutation is answered only without `enterpriseId`: sending it would withdraw the claim.
    const save: MockedResponse = {
      request: {
        query: updateMyProfileMutation,
        variables: { input: { name: "张丽华", gender: null, position: null } },
      },
      result: {
        data: {
          updateMyProfile: {
            __typename: "UpdateMyProfilePayload",
            trainee: { ...trainee, name: "张丽华" },
            userErrors: [],
          },
        },
      },
    };
    render(
      <MockedProvider mocks={[profile, save]}>
        <ProfilePage />
      </MockedProvider>,
    );
    expect(
      await screen.findByText("待工作人员确认：重庆新东家有限公司。确认前，培训与评选记录仍按重庆旧东家有限公司计。"),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText("姓名"), { target: { value: "张丽华" } });
    fireEvent.click(screen.getByRole("button", { name: /保\s*存/ }));
    expect(await screen.findByText("资料已保存；企业变更待工作人员确认", {}, { timeout: 10_000 })).toBeTruthy();
  });
});
