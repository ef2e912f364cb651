// A box at the top of a form listing what went wrong, with links to each field. It takes the
// focus when it appears so keyboard and screen-reader users meet the errors first.
import { useEffect, useRef } from "react";

export interface SummaryItem {
  fieldId?: string;
  message: string;
}

export function ErrorSummary({ title, items, focusKey, id = "error-summary" }: {
  title: string; items: SummaryItem[]; focusKey: number;
  /** Unique on the page when several forms may show a summary at once. */
  id?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (!items.length) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="error-summary__title">{title}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.fieldId ?? ""}-${index}`}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(event) => {
                event.preventDefault();
                document.getElementById(item.fieldId ?? "")?.focus();
              }}>{item.message}</a>
            ) : item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
