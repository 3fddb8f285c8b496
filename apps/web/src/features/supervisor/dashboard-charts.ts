import type { Translate } from '../../i18n/i18n';
import type { ChartOption } from './chart';
import type { BankFigures, CampaignFigures, FunnelStep } from './report-figures';

/** The height of a horizontal bar chart that names every one of its `rows` on its axis. */
export function barChartHeight(rows: number): number {
  return Math.max(160, rows * 36 + 64);
}

/** The funnel of counts: one unit of reading (a number of enterprises or needs), never an amount. */
export function funnelOption(steps: { step: FunnelStep; count: number }[], t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        minSize: '35%',
        left: '5%',
        width: '90%',
        label: {
          show: true,
          position: 'inside',
          formatter: (params) =>
            t('dashboard.funnelStep', { label: params.name, value: steps[params.dataIndex]?.count ?? '' }),
        },
        data: steps.map((s) => ({ name: t(`funnel.${s.step}`), value: s.count })),
      },
    ],
  };
}

/** The bottlenecks most diagnosed, as horizontal bars named on their axis. */
export function bottleneckOption(summary: CampaignFigures, t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      axisLabel: { interval: 0 },
      data: summary.topBottlenecks.map((b) => t(`bottleneck.${b.bottleneck}`)),
    },
    series: [{ type: 'bar', data: summary.topBottlenecks.map((b) => b.count) }],
  };
}

/**
 * Every bank's claims, declines and escalations as horizontal bars: one row per bank, each named on the axis
 * (a name too long for the axis wraps rather than hides).
 */
export function bankOption(banks: BankFigures[], t: Translate): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      axisLabel: { interval: 0, width: 150, overflow: 'break' },
      data: banks.map((b) => b.bankName),
    },
    series: [
      { type: 'bar', name: t('dashboard.claims'), data: banks.map((b) => b.claims) },
      { type: 'bar', name: t('dashboard.declines'), data: banks.map((b) => b.declines) },
      { type: 'bar', name: t('dashboard.escalations'), data: banks.map((b) => b.escalations) },
    ],
  };
}
