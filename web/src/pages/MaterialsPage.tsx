// /app/materials: the firm's support materials (seed 003, "Materiales de apoyo"): explanatory files
// by category, each downloadable; /app/advantages: the advantage programme ("Programa de ventaja"),
// the offers active today. For customers and staff (staff edit them in /app/content).
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import {
  formatSize, offerPeriod, paragraphsOf, type Advantage, type Material, type MaterialPage,
} from "./supportView";

function useList<T>(path: string, query: Record<string, string | number | undefined>) {
  const [answer, setAnswer] = useState<T | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    const controller = new AbortController();
    setAnswer(null);
    api.get<T>(path, { query: JSON.parse(key) as Record<string, string>, signal: controller.signal })
      .then(setAnswer)
      .catch((error: unknown) => {
        if (error instanceof ProblemError) setProblem(error);
      });
    return () => controller.abort();
  }, [path, key]);
  return { answer, problem };
}

export function MaterialsPage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const [params, setParams] = useSearchParams();
  const category = params.get("category") ?? "";
  const { answer, problem } = useList<MaterialPage>("/materials", { limit: 100, category: category || undefined });
  const groups = new Map<string, Material[]>();
  for (const material of answer?.items ?? []) {
    groups.set(material.category, [...(groups.get(material.category) ?? []), material]);
  }
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("materials.title")}</PageTitle>
        <p className="lead">{t("materials.intro")}</p>
      </div>
      {answer && answer.categories.length > 1 ? (
        <div className="field">
          <label htmlFor="materials-category">{t("materials.category")}</label>
          <select id="materials-category" value={category}
            onChange={(e) => setParams(e.target.value ? { category: e.target.value } : {})}>
            <option value="">{t("materials.allCategories")}</option>
            {answer.categories.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
      ) : null}
      {problem ? <Notice tone="error">{problemMessage(problem, i18n)}</Notice> : null}
      {!answer && !problem ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {answer && !answer.items.length ? <p className="empty-state">{t("materials.empty")}</p> : null}
      {[...groups.entries()].map(([name, materials]) => (
        <section key={name} aria-labelledby={`materials-${name}`}>
          <h2 id={`materials-${name}`}>{name || t("materials.otherCategory")}</h2>
          <ul className="item-list" data-testid="materials-list">
            {materials.map((material) => (
              <li key={material.id} className="card item-list__item">
                <h3 className="item-list__title">{material.title}</h3>
                {paragraphsOf(material.description).map((p, index) => <p key={index}>{p}</p>)}
                <p>
                  <a className="button" href={`/api/v1/materials/${material.id}/content`} download={material.file_name}>
                    {t("materials.download", { name: material.file_name })}
                  </a>{" "}
                  <span className="field__hint">{formatSize(material.size, language)}</span>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function AdvantagesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { answer, problem } = useList<{ items: Advantage[] }>("/advantages", { limit: 100 });
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("advantages.title")}</PageTitle>
        <p className="lead">{t("advantages.intro")}</p>
      </div>
      {problem ? <Notice tone="error">{problemMessage(problem, i18n)}</Notice> : null}
      {!answer && !problem ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {answer && !answer.items.length ? <p className="empty-state">{t("advantages.empty")}</p> : null}
      <ul className="item-list" data-testid="advantages-list">
        {(answer?.items ?? []).map((offer) => (
          <li key={offer.id} className="card item-list__item">
            {offer.has_image ? <img className="advantage__image" src={`/api/v1/advantages/${offer.id}/image`} alt="" /> : null}
            <h2 className="item-list__title">{offer.title}</h2>
            <p className="field__hint">{offerPeriod(i18n, offer)}</p>
            {paragraphsOf(offer.description).map((p, index) => <p key={index}>{p}</p>)}
            {offer.link_url ? (
              <p><a href={offer.link_url} target="_blank" rel="noopener noreferrer">{t("advantages.more")}</a></p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
