// What keeps a customer's account open (a 409 `active_products`: policies in force, open cases,
// unpaid invoices), one translated line each (i18n/problems.ts `activeProducts`). The customer's
// own closure and staff closing a customer's portal access show it alike; it takes the focus
// each time `focusKey` grows, so the refusal is what keyboard and screen-reader users meet next.
import { useEffect, useRef } from "react";
import { Notice } from "./Notice";

export function ActiveProductsNotice({ items, title, text, focusKey }: {
  items: string[]; title: string; text: string; focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  if (!items.length) return null;
  return (
    <div ref={ref} tabIndex={-1} className="focus-target" data-testid="active-products">
      <Notice tone="error" title={title}>
        <p>{text}</p>
        <ul className="active-products">
          {items.map((item) => <li key={item}>{item}</li>)}
        </ul>
      </Notice>
    </div>
  );
}
