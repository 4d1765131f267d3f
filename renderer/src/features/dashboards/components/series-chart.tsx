import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import { formatCityTick } from "../../../../../shared/time.js";
import { formatFigure, type FigureFormat, type TimeSeries } from "../model/domain-views.js";

interface SeriesChartProps {
  series: TimeSeries;
  label: string;
  format: FigureFormat;
  testId?: string;
}

/** Colours of the dark control-room theme: light lines and grid on the dark surface. */
const AXIS = { stroke: "#9aabc2", grid: { stroke: "#1d2c44", width: 1 }, ticks: { stroke: "#2c4266", width: 1 } };

/**
 * A line chart over time (uPlot), hour by hour or reading by reading: made once, then only given new data, so a live update costs
 * a redraw of one canvas, not a rebuild. Times read in city time (UTC+7) whatever the PC's zone.
 */
export function SeriesChart({ series, label, format, testId = "dash-chart" }: SeriesChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const options: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height: 220,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Asia/Ho_Chi_Minh"),
      scales: { x: { time: true } },
      axes: [
        {
          ...AXIS,
          font: "12px 'Be Vietnam Pro', sans-serif",
          // 24-hour city time, as everything else on the console reads.
          values: (u, ticks) => ticks.map((s) => formatCityTick(new Date(s * 1000), ((u.scales["x"]?.max ?? 0) - (u.scales["x"]?.min ?? 0)) * 1000)),
        },
        { ...AXIS, font: "12px 'Be Vietnam Pro', sans-serif", size: 60, values: (_u, ticks) => ticks.map((v) => formatFigure(v, format)) },
      ],
      series: [{}, { label, stroke: "#3b9eff", width: 2, fill: "rgba(59, 158, 255, 0.12)", value: (_u, v) => (v === null ? "–" : formatFigure(v, format)) }],
      legend: { show: true },
      // What the canvas holds, said where a reader (a test, a bench) can see it: the number of points
      // drawn, set only once uPlot has drawn them (data-points says what React handed it).
      hooks: { draw: [(u) => el.setAttribute("data-drawn-points", String(u.data[0]?.length ?? 0))] },
    };
    const made = new uPlot(options, [[], []], el);
    plot.current = made;
    const resize = new ResizeObserver(() => made.setSize({ width: Math.max(200, el.clientWidth), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      made.destroy();
      plot.current = null;
    };
  }, [label, format]);

  useEffect(() => {
    const plotted = plot.current;
    if (plotted === null) return;
    plotted.setData([series.times, series.values]);
    plotted.setScale("x", { min: series.span.fromS, max: series.span.toS });
  }, [series, label, format]);

  return <div ref={host} className="dash-chart" data-testid={testId} data-points={series.times.length} />;
}
