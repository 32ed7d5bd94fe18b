import { act } from "@testing-library/react";
import { createApolloClient } from "../apollo";
import { getToken, onSessionEnded, setToken, TOKEN_STORAGE_KEY } from "../auth";
import { setLocale } from "../i18n";
import { meQuery } from "../session";

/** Just enough of a fetch Response for Apollo's HttpLink (jsdom has no Response). */
function answer(body: unknown, status = 200) {
  return {
    status,
    ok: status < 300,
    headers: {
      get: (name: string) => (name.toLowerCase() === "content-type" ? "application/graphql-response+json" : null),
    },
    text: async () => JSON.stringify(body),
  };
}

function sentHeaders(init: RequestInit | undefined): Record<string, string> {
  const headers = (init?.headers ?? {}) as Record<string, string>;
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

describe("Apollo client", () => {
  const fetchMock = jest.fn<Promise<ReturnType<typeof answer>>, [RequestInfo | URL, RequestInit | undefined]>();

  beforeEach(() => {
    window.localStorage.clear();
    fetchMock.mockReset();
    globalThis.fetch = fetchMock as unknown as typeof fetch;
  });

  it("sends the session token and the chosen language", async () => {
    setToken("tok-123");
    act(() => setLocale("en"));
    fetchMock.mockResolvedValue(
      answer({ data: { me: { __typename: "User", id: "VXNlcjox", name: "王明", roles: ["TRAINEE"] } } }),
    );

    const { data } = await createApolloClient("http://test/graphql").query({ query: meQuery });

    expect(data?.me?.name).toBe("王明");
    const headers = sentHeaders(fetchMock.mock.calls[0][1]);
    expect(headers.authorization).toBe("Bearer tok-123");
    expect(headers["accept-language"]).toBe("en");
    act(() => setLocale("zh-CN"));
  });

  it("forgets a token the API refuses, and says so", async () => {
    setToken("expired");
    const ended = jest.fn();
    const stop = onSessionEnded(ended);
    fetchMock.mockResolvedValue(
      answer({ errors: [{ message: "登录已失效，请重新登录", extensions: { code: "UNAUTHENTICATED" } }] }, 401),
    );

    await expect(createApolloClient("http://test/graphql").query({ query: meQuery })).rejects.toThrow(
      "登录已失效，请重新登录",
    );

    expect(getToken()).toBeNull();
    expect(window.localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(ended).toHaveBeenCalledWith(true);
    stop();
  });
});
