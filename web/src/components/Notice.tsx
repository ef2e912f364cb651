import type { ReactNode } from "react";

/** A message box. "error" is announced at once (role=alert); others politely (role=status). */
export function Notice({ tone, children, title }: { tone: "error" | "success" | "info"; children: ReactNode; title?: string }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title ? <p className="notice__title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
