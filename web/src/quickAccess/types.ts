// Shapes of the gateway's quick-access and news answers (gateway/gateway/routes/quick_access.py,
// news.py), kept by hand like api/types.ts.
import type { Money, Tenant } from "../api/types";

/** GET /quick-access/case: the one case of a quick-access session. */
export interface QuickAccessCase {
  id: string;
  number: string;
  kind: "debt" | "process" | string;
  status: "open" | "closed" | string;
  phase: string;
  debtor_name: string;
  debtor_tax_id: { type: string; number: string } | null;
  amount: Money;
  opened_on: string;
  tenant: Tenant;
}

export interface NewsItem {
  id: string;
  title: string;
  /** Plain text; blank lines separate paragraphs. */
  body: string;
  language: string | null;
  published_at: string;
}

export interface NewsPage {
  items: NewsItem[];
  next_cursor: string | null;
}
