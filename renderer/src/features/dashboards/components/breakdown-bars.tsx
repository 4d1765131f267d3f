import { useTranslation } from "react-i18next";
import { formatFigure, type FigureFormat } from "../model/domain-views.js";

interface BreakdownBarsProps {
  title: string;
  parts: ReadonlyArray<{ key: string; value: number }>;
  format: FigureFormat;
}

/** The parts of a figure (dossiers by procedure group) as bars, each with its figure and its share written out. */
export function BreakdownBars({ title, parts, format }: BreakdownBarsProps) {
  const { t } = useTranslation();
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  const max = Math.max(1, ...parts.map((p) => p.value));
  return (
    <section className="dash-breakdown" aria-label={title}>
      <h3 className="dash-subtitle">{title}</h3>
      <ol className="dash-wards" data-testid="dash-breakdown">
        {parts.map(({ key, value }) => (
          <li key={key} className="dash-ward" data-testid={`dash-part-${key}`} data-value={value}>
            <span className="dash-ward__name">{t(`dashboards.kpi.${key}`)}</span>
            <span className="dash-ward__bar" aria-hidden="true">
              <span style={{ width: `${(100 * value) / max}%` }} />
            </span>
            <span className="dash-ward__value">
              {formatFigure(value, format)} ({formatFigure(total === 0 ? 0 : (100 * value) / total, "percent")})
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
