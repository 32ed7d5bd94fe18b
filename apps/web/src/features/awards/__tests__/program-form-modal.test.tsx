import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import type { MockedResponse } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { setLocale } from "../../../app/i18n";
import { updateProgramMutation } from "../awards-console.documents";
import { ProgramFormModal, type Program } from "../program-form-modal";

const program: Program & { __typename: "AwardProgram" } = {
  __typename: "AwardProgram",
  id: "QXdhcmRQcm9ncmFtOjE",
  name: "优秀民营企业家",
  nomineeKind: "ENTREPRENEUR",
  description: "表彰北碚区优秀民营企业家",
};

function updated(name: string, answer: object): MockedResponse {
  return {
    request: {
      query: updateProgramMutation,
      variables: { input: { programId: program.id, name, description: program.description } },
    },
    result: { data: { updateAwardProgram: { __typename: "UpdateAwardProgramPayload", ...answer } } },
  };
}

function renderModal(mocks: MockedResponse[]) {
  const onClose = jest.fn();
  render(
    <MockedProvider mocks={mocks}>
      <ProgramFormModal dialog={{ open: true, onClose, afterClose: () => {} }} program={program} />
    </MockedProvider>,
  );
  return onClose;
}

describe("editing an award program in the console", () => {
  beforeEach(() => act(() => setLocale("zh-CN")));

  it("starts from the program's values, keeps its nominee kind fixed, and closes once saved", async () => {
    const onClose = renderModal([
      updated("十佳民营企业家", {
        program: { ...program, name: "十佳民营企业家" },
        userErrors: [],
      }),
    ]);
    expect(screen.getByText("编辑奖项")).toBeTruthy();
    const name = screen.getByLabelText("奖项名称") as HTMLInputElement;
    expect(name.value).toBe("优秀民营企业家");
    expect((screen.getByRole("radio", { name: "企业家" }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(name, { target: { value: "十佳民营企业家" } });
    fireEvent.click(screen.getByRole("button", { name: /确\s*定|OK/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it("shows a taken name beside the field, keeps what was typed, and stays open", async () => {
    const onClose = renderModal([
      updated("卢作孚光彩奖", {
        program: null,
        userErrors: [
          { __typename: "UserError", code: "PROGRAM_NAME_TAKEN", field: ["input", "name"], message: "已有同名奖项" },
        ],
      }),
    ]);
    const name = screen.getByLabelText("奖项名称") as HTMLInputElement;
    fireEvent.change(name, { target: { value: "卢作孚光彩奖" } });
    fireEvent.click(screen.getByRole("button", { name: /确\s*定|OK/ }));
    expect(await screen.findByText("已有同名奖项")).toBeTruthy();
    expect(name.value).toBe("卢作孚光彩奖");
    expect(onClose).not.toHaveBeenCalled();
  });
});
