// The bar above the clients table: the box to pick every client shown, how many are picked,
// "pick all N that match the filter", "clear the selection" and, once something is picked, the
// actions for them (ListActions).
import { useEffect, useRef } from "react";
import { useI18n } from "../../i18n/I18nProvider";
import type { ClientFilter } from "./clientFilter";
import { ListActions } from "./ListActions";
import { pageState, pickedCount, selectionFor, type Picked } from "./listView";

export function SelectionBar({ picked, shown, total, filter, onTogglePage, onPickAll, onClear, onChanged }: {
  picked: Picked;
  shown: readonly string[];
  total: number | null;
  filter: ClientFilter;
  onTogglePage: () => void;
  onPickAll: () => void;
  onClear: () => void;
  onChanged: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = pageState(picked, shown);
  const count = pickedCount(picked, total);
  const pageBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = state === "some";
  }, [state]);
  const some = picked.all || picked.ids.size > 0;
  const mayPickAll = !picked.all && some && total !== null && total > picked.ids.size;

  return (
    <section className="selection-bar" aria-label={t("clientsList.selection")}>
      <div className="checkbox">
        <input ref={pageBox} type="checkbox" id="clients-pick-page" checked={state === "all"} onChange={onTogglePage} />
        <label htmlFor="clients-pick-page">{t("clientsList.pickPage")}</label>
      </div>
      <p className="selection-bar__count" role="status">
        {picked.all
          ? (total === null ? t("clientsList.allMatching")
            : i18n.plural("clientsList.pickedAll", total, { count: i18n.formatNumber(total) }))
          : some ? i18n.plural("clientsList.picked", picked.ids.size, { count: i18n.formatNumber(picked.ids.size) }) : ""}
      </p>
      {mayPickAll ? (
        <button type="button" className="button button--small" onClick={onPickAll}>
          {i18n.plural("clientsList.pickAll", total, { count: i18n.formatNumber(total) })}
        </button>
      ) : null}
      {some ? (
        <>
          <button type="button" className="button button--small button--ghost-dark" onClick={onClear}>
            {t("clientsList.clearSelection")}
          </button>
          <ListActions selection={selectionFor(picked, filter)} count={count} onChanged={onChanged} />
        </>
      ) : null}
    </section>
  );
}
