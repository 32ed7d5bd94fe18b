import type { ReactNode } from "react";
import { Button, type ButtonProps } from "antd";
import { useNavigate } from "react-router";

/** A link that looks like a button: a real `<a href>` (open in new tab works), routed in the app. */
export function ButtonLink({ to, ...props }: Omit<ButtonProps, "href" | "onClick"> & { to: string }): ReactNode {
  const navigate = useNavigate();
  return (
    <Button
      {...props}
      href={to}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}
