// The summary's charts, drawn by hand in SVG: a stacked bar per day by
// client colour with the weekly cap's daily share as a guide line, and a
// small 8-week bar chart per client. Each has a text alternative (a list
// read by screen readers); the figures and their texts come from the core.
import type { SummaryDay, TrendClient } from "../bindings";
import { t } from "../i18n";

const W = 560;
const H = 200;
const TOP = 12;
const BOTTOM = 26;
const LEFT = 8;

/** The bar's height for `seconds` on a scale topping at `max` (never NaN). */
export function barHeight(seconds: number, max: number, full: number): number {
  if (max <= 0 || seconds <= 0) return 0;
  return Math.max(1, Math.round((seconds / max) * full));
}

export function DayBars(props: {
  days: SummaryDay[];
  max: number;
  guideSeconds: number | null;
  guideText: string | null;
}) {
  const { days, max } = props;
  const plot = H - TOP - BOTTOM;
  const slot = (W - LEFT * 2) / Math.max(days.length, 1);
  const bar = Math.min(44, slot * 0.6);
  const guideY = props.guideSeconds ? H - BOTTOM - barHeight(props.guideSeconds, max, plot) : null;
  return (
    <figure class="chart" id="day-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="day-chart-title day-chart-guide"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="day-chart-title">{t("review-chart-title")}</title>
        <line class="axis" x1={LEFT} x2={W - LEFT} y1={H - BOTTOM} y2={H - BOTTOM} />
        {days.map((day, i) => {
          const x = LEFT + slot * i + (slot - bar) / 2;
          let y = H - BOTTOM;
          return (
            <g key={day.date} data-date={day.date} class={day.rest_day ? "rest" : undefined}>
              {day.segments.map((s) => {
                const h = barHeight(s.seconds, max, plot);
                y -= h;
                return (
                  <rect key={s.client} x={x} y={y} width={bar} height={h} fill={s.color} data-client={s.client}>
                    <title>{t("review-chart-segment", { client: s.client, time: s.text })}</title>
                  </rect>
                );
              })}
              <text class="day-label" x={x + bar / 2} y={H - 8} text-anchor="middle">
                {day.label}
              </text>
            </g>
          );
        })}
        {guideY !== null && (
          <line class="guide" id="day-chart-guide-line" x1={LEFT} x2={W - LEFT} y1={guideY} y2={guideY} />
        )}
      </svg>
      <figcaption>
        {props.guideText && (
          <p class="hint" id="day-chart-guide">
            {t("review-chart-guide", { guide: props.guideText })}
          </p>
        )}
        <ul class="visually-hidden" id="day-chart-text">
          {days.map((day) => (
            <li key={day.date}>
              {day.total_seconds > 0
                ? t("review-chart-day", { day: day.label, total: day.total_text })
                : t("review-chart-day-empty", { day: day.label })}
              {day.segments.length > 0 && (
                <ul>
                  {day.segments.map((s) => (
                    <li key={s.client}>{t("review-chart-segment", { client: s.client, time: s.text })}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

const TW = 128;
const TH = 32;

/** One client's last 8 weeks as small bars on its own scale, the reported week last. */
export function TrendBars(props: { client: TrendClient; weeks: string[] }) {
  const { client, weeks } = props;
  const max = client.max_seconds;
  const slot = TW / Math.max(weeks.length, 1);
  const id = `trend-${client.client.replace(/[^A-Za-z0-9_-]/g, "_")}`;
  return (
    <div class="trend">
      <svg viewBox={`0 0 ${TW} ${TH}`} width={TW} height={TH} role="img" aria-labelledby={`${id}-title`}>
        <title id={`${id}-title`}>{t("review-trend-title", { client: client.client })}</title>
        <line class="axis" x1="0" x2={TW} y1={TH - 0.5} y2={TH - 0.5} />
        {client.weeks.map((w, i) => {
          const h = barHeight(w.seconds, max, TH - 2);
          return (
            <rect
              key={weeks[i] ?? i}
              x={slot * i + 1}
              y={TH - 1 - h}
              width={slot - 2}
              height={h}
              fill={client.color}
              opacity={i === client.weeks.length - 1 ? 1 : 0.6}
            />
          );
        })}
      </svg>
      <ul class="visually-hidden">
        {client.weeks.map((w, i) => (
          <li key={weeks[i] ?? i}>
            {w.seconds > 0
              ? t("review-trend-week", { week: weeks[i] ?? "", time: w.text })
              : t("review-trend-week-empty", { week: weeks[i] ?? "" })}
          </li>
        ))}
      </ul>
    </div>
  );
}
