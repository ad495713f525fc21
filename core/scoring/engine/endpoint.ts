// Treatment endpoints (8.4.1-8.4.3), roller only: the trainee declares the endpoint reached in some regions
// (an `endpoint` event) and the simulator's skin-reaction model (core/scoring/engine/skin-reaction.ts) decides, per
// target region, whether it was. A region's first declaration is judged, at its time: declaring says the
// region's treatment is over. At the end of the session every treated target region is checked for signs
// beyond its endpoint (purpura where the goal is pink, any visible change where it is absorption), declared
// or not: the skin the patient leaves with. A region never declared is not assessed for its endpoint unless
// the scenario requires a declaration (then it is a finding). Docs: docs/scoring.md, "Treatment endpoints".

import { REGION_NAMES, type RegionId } from '../../anatomy/regions';
import { ENDPOINT_OVERSHOOT_SEVERITY } from '../../rules/endpoint-severity';
import { extentBand } from '../../rules/extent-severity';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import type { EndpointDeclaration } from '../../recording/types';
import type { Severity } from '../report';
import { regionReaction, type RegionReaction, type SkinReactionDefaults } from './skin-reaction';
import type { EngineContext } from './context';
import type { CoverageScope } from './coverage';
import { round, type Add } from './findings';
import type { RollerTally } from './roller';
import { roundsQuantiles } from './roller-coverage';

export type EndpointDefaults = SkinReactionDefaults &
  Pick<SimulatorDefaultValues, 'endpointReachedAreaFraction' | 'borderBandMm' | 'minJudgedAreaFraction' | 'roundsPercentile' | 'extentTraceFraction' | 'extentMostFraction'>;

/** The endpoints of 8.4 the roller declares; RF (tightening) and nano (delivery) have no declared endpoint. */
const JUDGED = new Set(['pink', 'absorption', 'texture-scars']);
/** 8.4.2's own numbers: 3-5 rounds. */
const ABSORPTION_MIN_ROUNDS = 3;

export interface EndpointPart {
  onDeclaration(d: EndpointDeclaration): void;
  /**
   * End of session: overshoot and undeclared findings through `add`, metrics per judged region. Returns the
   * severities the overshoot findings take from their area's band (finding key -> severity).
   */
  finish(scope: CoverageScope, add: Add, metrics: Record<string, number>, endMs: number): Map<string, Severity>;
}

const pct = (x: number) => round(x * 100, 1);
const cm2 = (mm2: number) => round(mm2 / 100, 1);
/** Session time as m:ss, how the studio's clock shows it. */
const clock = (tMs: number) => {
  const s = Math.floor(tMs / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function createEndpoint(ctx: EngineContext, cfg: EndpointDefaults, tally: RollerTally): EndpointPart {
  const { idx, endpoint, state } = ctx;
  const judged = ctx.procedure === 'roller' && JUDGED.has(endpoint);
  const targets = new Set(ctx.targetRegions);
  const declaredAt = new Map<RegionId, number>();
  const area = idx.vertexAreaMm2;
  const interior = (region: RegionId): Uint32Array | null => {
    const code = idx.regionCode(region);
    return code >= 0 && idx.regionAreaMm2[code] > 0 ? idx.judgedInterior(code, cfg.borderBandMm, cfg.minJudgedAreaFraction) : null;
  };
  const reactionOf = (verts: Uint32Array): RegionReaction => regionReaction(state, verts, area, cfg);
  /** 8.4.2's rounds on the region now, as roller-coverage counts them (the scalp: its horizontal passes). */
  const roundsOf = (region: RegionId, verts: Uint32Array): number => {
    const rounds = new Float64Array(verts.length);
    const areas = new Float64Array(verts.length);
    let total = 0;
    const dp = tally.dirPasses;
    for (let i = 0; i < verts.length; i++) {
      const v = verts[i];
      rounds[i] = region === 'scalp' ? dp[v * 4] : Math.min(dp[v * 4], dp[v * 4 + 1], dp[v * 4 + 2], dp[v * 4 + 3]);
      areas[i] = area[v];
      total += area[v];
    }
    return roundsQuantiles(rounds, areas, total, [cfg.roundsPercentile])[0];
  };

  const judge = (region: RegionId, tMs: number) => {
    const verts = interior(region);
    if (!verts) return;
    const name = REGION_NAMES[region];
    const at = clock(tMs);
    const need = pct(cfg.endpointReachedAreaFraction);
    const r = reactionOf(verts);
    const values = { declaredAtMs: tMs, visiblePct: pct(r.visible), pinkPct: pct(r.pink), purpuraPct: pct(r.purpura), requiredPct: need };
    if (endpoint === 'pink' && r.pink < cfg.endpointReachedAreaFraction) {
      ctx.sink.raise('roller-endpoint-pink-not-reached', tMs, {
        zh: `${at} 宣布已达终点时，${name.zh}只有 ${pct(r.pink)}% 的面积呈粉红（模拟器皮肤反应模型，需 ≥${need}%）`,
        en: `${name.en}: when the endpoint was declared at ${at}, only ${pct(r.pink)}% of it was pink (simulator skin model: ${need}% or more needed)`,
      }, values, region);
    } else if (endpoint === 'texture-scars' && r.purpura < cfg.endpointReachedAreaFraction) {
      ctx.sink.raise('roller-endpoint-texture-not-reached', tMs, {
        zh: `${at} 宣布已达终点时，${name.zh}只有 ${pct(r.purpura)}% 的面积出现出血性紫癜（模拟器皮肤反应模型，需 ≥${need}%）`,
        en: `${name.en}: when the endpoint was declared at ${at}, only ${pct(r.purpura)}% of it showed haemorrhagic purpura (simulator skin model: ${need}% or more needed)`,
      }, values, region);
    } else if (endpoint === 'absorption') {
      const rounds = roundsOf(region, verts);
      if (rounds < ABSORPTION_MIN_ROUNDS) {
        ctx.sink.raise('roller-endpoint-absorption-not-reached', tMs, {
          zh: `${at} 宣布已达终点时，${name.zh}只滚了 ${rounds} 遍，8.4.2 要求 3-5 遍`,
          en: `${name.en}: when the endpoint was declared at ${at}, it had had ${rounds} rounds; 8.4.2 asks for 3-5`,
        }, { ...values, rounds, recommended: [3, 5] }, region);
      }
    }
  };

  return {
    onDeclaration(d) {
      if (!judged) return;
      for (const region of d.regions) {
        if (!targets.has(region) || declaredAt.has(region)) continue;
        declaredAt.set(region, d.tMs);
        judge(region, d.tMs);
      }
    },
    finish(scope, add, metrics, endMs) {
      const severities = new Map<string, Severity>();
      if (!judged) return severities;
      for (const { region, code } of scope.regionCodes) {
        // An untreated target has its own critical finding (coverage.ts); there is no skin to judge.
        if (scope.untreatedRegion(region)) continue;
        const verts = scope.interiorOf(code);
        const r = reactionOf(verts);
        const name = REGION_NAMES[region];
        metrics[`skinVisiblePct.${region}`] = pct(r.visible);
        metrics[`skinPinkPct.${region}`] = pct(r.pink);
        metrics[`skinPurpuraPct.${region}`] = pct(r.purpura);
        const overshoot = (ruleId: string, share: number, zh: string, en: string) => {
          const band = extentBand(share, cfg.extentTraceFraction, cfg.extentMostFraction);
          add(ruleId, endMs, { zh, en }, { sharePct: pct(share), areaCm2: cm2(share * r.areaMm2), regionAreaCm2: cm2(r.areaMm2), band }, region);
          severities.set(`${ruleId}:${region}`, ENDPOINT_OVERSHOOT_SEVERITY[ruleId].bands[band]);
        };
        const purpuraText = (goal: { zh: string; en: string }) => ({
          zh: `${name.zh} ${pct(r.purpura)}% 的面积（约 ${cm2(r.purpura * r.areaMm2)} cm²）出现出血性紫癜，${goal.zh}（模拟器皮肤反应模型）`,
          en: `${name.en}: haemorrhagic purpura on ${pct(r.purpura)}% of its area (about ${cm2(r.purpura * r.areaMm2)} cm²); ${goal.en} (simulator skin model)`,
        });
        if (endpoint === 'pink' && r.purpura > 0) {
          const t = purpuraText({ zh: '超出 8.4.1 的粉红终点', en: "past 8.4.1's pink endpoint" });
          overshoot('roller-endpoint-beyond-pink', r.purpura, t.zh, t.en);
        } else if (endpoint === 'absorption' && r.purpura > 0) {
          const t = purpuraText({ zh: '8.4.2 要求肉眼无明显变化', en: '8.4.2 asks for no visible change' });
          overshoot('roller-endpoint-absorption-purpura', r.purpura, t.zh, t.en);
        } else if (endpoint === 'absorption' && r.visible > 0) {
          overshoot(
            'roller-endpoint-absorption-visible',
            r.visible,
            `${name.zh} ${pct(r.visible)}% 的面积（约 ${cm2(r.visible * r.areaMm2)} cm²）出现肉眼可见的红斑，8.4.2 要求无明显变化（模拟器皮肤反应模型）`,
            `${name.en}: visible erythema on ${pct(r.visible)}% of its area (about ${cm2(r.visible * r.areaMm2)} cm²); 8.4.2 asks for no visible change (simulator skin model)`,
          );
        }
        if (ctx.scenario?.requireEndpointDeclaration && !declaredAt.has(region)) {
          add('roller-endpoint-undeclared', endMs, { zh: `${name.zh}未宣布治疗终点`, en: `${name.en}: no endpoint declared` }, {}, region);
        }
      }
      return severities;
    },
  };
}
