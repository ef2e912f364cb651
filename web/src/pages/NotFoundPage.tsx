import { Link } from "react-router";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="card">
      <PageTitle>{t("notFound.title")}</PageTitle>
      <p>{t("notFound.text")}</p>
      <p><Link to="/">{t("notFound.link")}</Link></p>
    </section>
  );
}
