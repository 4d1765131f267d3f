import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Ward } from "../../../../../shared/domain/ward.js";
import { formatFigure, type FigureFormat } from "../model/domain-views.js";
import { wardChoropleth } from "../model/ward-choropleth.js";

interface WardChoroplethProps {
  wards: readonly Ward[];
  byWard: ReadonlyArray<{ wardCode: string; value: number }>;
  format: FigureFormat;
  label: string;
  selectedWard: string | null;
  onSelect(wardCode: string | null): void;
}

/** Light to bright on the dark theme: a higher figure stands out. The figure is written on every ward too. */
const STEP_FILLS = ["#15304d", "#1c4d78", "#2770a3", "#3d98cc", "#7cc4e8"];
const VIEW_WIDTH = 420;

/**
 * The wards on a map of the city, shaded by the figure the bars show, each with its figure written
 * on it and a legend of the classes in numbers (nothing said in colour alone). A ward picked here is
 * the workstation's shared ward selection, outlined and marked ▶.
 */
export function WardChoropleth({ wards, byWard, format, label, selectedWard, onSelect }: WardChoroplethProps) {
  const { t } = useTranslation();
  const values = useMemo(() => new Map(byWard.map((w) => [w.wardCode, w.value])), [byWard]);
  const map = useMemo(() => wardChoropleth(wards, values, VIEW_WIDTH), [wards, values]);
  if (wards.length === 0) return null;
  // The selected ward last, so its outline is drawn over its neighbours'.
  const ordered = [...map.wards].sort((a, b) => Number(a.code === selectedWard) - Number(b.code === selectedWard));
  return (
    <figure className="dash-map" data-testid="dash-choropleth">
      <svg viewBox={`0 0 ${map.width} ${map.height}`} role="group" aria-label={t("dashboards.mapOf", { metric: label })}>
        {ordered.map((ward) => {
          const selected = ward.code === selectedWard;
          const text = `${ward.name}: ${formatFigure(ward.value, format)}`;
          return (
            <g
              key={ward.code}
              className="dash-map__ward"
              role="button"
              tabIndex={0}
              aria-pressed={selected}
              aria-label={text}
              data-testid={`dash-map-ward-${ward.code}`}
              data-value={ward.value}
              data-step={ward.step}
              onClick={() => onSelect(selected ? null : ward.code)}
              onKeyDown={(e) => {
                if (e.key !== "Enter" && e.key !== " ") return;
                e.preventDefault();
                onSelect(selected ? null : ward.code);
              }}
            >
              <title>{text}</title>
              <path d={ward.path} fill={STEP_FILLS[ward.step] ?? STEP_FILLS[0]} className={selected ? "dash-map__shape dash-map__shape--selected" : "dash-map__shape"} />
              <text x={ward.label[0]} y={ward.label[1]} className="dash-map__figure" textAnchor="middle" dominantBaseline="middle">
                {selected ? "▶ " : ""}
                {formatFigure(ward.value, format)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ol className="dash-map__legend" data-testid="dash-choropleth-legend" aria-label={t("dashboards.mapLegend")}>
          {map.classes.map((c) => (
            <li key={c.step}>
              <span className="dash-map__swatch" style={{ background: STEP_FILLS[c.step] }} aria-hidden="true" />
              {c.from === c.to ? formatFigure(c.from, format) : `${formatFigure(c.from, format)} – ${formatFigure(c.to, format)}`}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
