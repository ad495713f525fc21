// Protocol and steps: the checks made at the first treatment event (7.x preparation, 8.1/9.1/10.1 steps
// before treatment, 13.4/13.6, contraindications), no-treat zones (8.5), zone-by-zone progress (8.2, 9.3),
// and at the end of the session the order of preparation (7.1 -> 7.3, 8.1/9.1/10.1), aftercare (12) and a
// scenario's required steps.

import { isNoTreatRegion, REGION_NAMES, type RegionId } from '../../anatomy/regions';
import type { StepEvent, StepId } from '../../recording/types';
import { conditionById } from '../../rules/conditions';
import type { SimulatorDefaultValues } from '../../rules/simulator-defaults';
import { AFTERCARE_STEPS, PREPARATION_STEPS, PRE_TREATMENT_STEPS, STEP_CLAUSES, STEP_NAMES } from '../../rules/procedure';
import { stepBefore, type EngineContext } from './context';
import { round, type Acc, type Add } from './findings';

export interface Protocol {
  /** A treatment event at tMs in region: runs the pre-treatment checks on the first, contraindications per region. */
  onTreatment(tMs: number, region: RegionId): void;
  /** Counts a contact in a no-treat region (8.5). */
  noTreat(region: RegionId, tMs: number): void;
  /** Zone-by-zone progress: the zone of the region (ctx.zoneOfRegion) at tMs. */
  trackZone(region: RegionId, tMs: number): void;
  /** Returns to zones already left (8.2, 9.3). */
  zoneRevisits(): number;
  onStep(s: StepEvent): void;
  /** End-of-session protocol findings: order of preparation, aftercare, the scenario's required steps. */
  finish(add: Add, extra: Acc[], endMs: number): void;
}

export type ProtocolDefaults = Pick<SimulatorDefaultValues, 'noTreatMinSamples' | 'minZoneDwellMs' | 'wetCompressMinMin'>;

export function createProtocol(ctx: EngineContext, cfg: ProtocolDefaults): Protocol {
  const { header, scenario, procedure, endpoint, timeline: tl, zoneOfRegion } = ctx;
  const { raise } = ctx.sink;
  const steps = tl.steps;
  const treatedRegions = new Set<RegionId>();

  const preTreatmentChecks = (tMs: number) => {
    for (const req of PRE_TREATMENT_STEPS) {
      if (!stepBefore(steps, req.step, tMs)) raise(req.ruleId, tMs, { zh: `治疗开始前没有“${STEP_NAMES[req.step].zh}”`, en: `no "${STEP_NAMES[req.step].en}" step before treatment began` }, { missingStep: req.step });
    }
    const prep = PREPARATION_STEPS[procedure];
    const missing = prep.steps.filter((s) => !stepBefore(steps, s, tMs));
    if (missing.length > 0) raise(prep.ruleId, tMs, { zh: `治疗前缺少：${missing.map((m) => STEP_NAMES[m].zh).join('、')}`, en: `missing before treatment: ${missing.map((m) => STEP_NAMES[m].en).join(', ')}` }, { missingSteps: missing.join(',') });
    for (const c of header.case.conditions) {
      const def = conditionById(c.id);
      if (def?.kind === 'contraindication' && (!c.regions || c.regions.length === 0)) {
        raise(`contra-${c.id}`, tMs, { zh: `患者有禁忌证：${def.name.zh}`, en: `patient has a contraindication: ${def.name.en}` }, { condition: c.id }, undefined, c.id);
      }
    }
    if (header.case.conditions.some((c) => c.id === 'herpes-history') && !stepBefore(steps, 'antiviral-prophylaxis', tMs)) {
      raise('antiviral-prophylaxis', tMs, { zh: '有疱疹史，治疗前未记录预防性抗病毒', en: 'herpes history, no antiviral prophylaxis recorded before treatment' }, { condition: 'herpes-history' });
    }
    if ((header.case.newProducts?.length ?? 0) > 0 && !stepBefore(steps, 'skin-trial', tMs)) {
      raise('skin-trial', tMs, { zh: `新产品未做皮肤试用：${header.case.newProducts!.join('、')}`, en: `no skin trial of new product(s): ${header.case.newProducts!.join(', ')}` }, { products: header.case.newProducts!.join(',') });
    }
    if (procedure === 'nano') {
      if (!stepBefore(steps, 'apply-product', tMs)) raise('nano-product-first', tMs, { zh: '接触皮肤前未涂导入产品', en: 'no product applied before the first contact' }, {});
      if (!stepBefore(steps, 'mount-needle', tMs)) raise('nano-mount-needle', tMs, { zh: '未记录安装纳米微针', en: 'needle mounting not recorded' }, {});
    }
  };

  const onTreatment = (tMs: number, region: RegionId) => {
    if (tl.firstTreatMs < 0) {
      tl.firstTreatMs = tMs;
      preTreatmentChecks(tMs);
    }
    if (tMs > tl.lastTreatMs) tl.lastTreatMs = tMs;
    if (!treatedRegions.has(region)) {
      treatedRegions.add(region);
      for (const c of header.case.conditions) {
        const def = conditionById(c.id);
        if (def?.kind === 'contraindication' && c.regions?.includes(region)) {
          raise(`contra-${c.id}`, tMs, { zh: `${def.name.zh}：治疗了${REGION_NAMES[region].zh}`, en: `${def.name.en}: treated the ${REGION_NAMES[region].en.toLowerCase()}` }, { condition: c.id, region }, undefined, c.id);
        }
      }
    }
  };

  const noTreatCounts = new Map<RegionId, number>();
  const noTreat = (region: RegionId, tMs: number) => {
    if (!isNoTreatRegion(region)) return;
    const count = (noTreatCounts.get(region) ?? 0) + 1;
    noTreatCounts.set(region, count);
    if (count >= cfg.noTreatMinSamples) raise('no-treat-contact', tMs, { zh: `接触禁区：${REGION_NAMES[region].zh}`, en: `touched no-treat zone: ${REGION_NAMES[region].en}` }, { region }, region);
  };

  // Zone by zone: a return to a zone left after minZoneDwellMs in it counts once it lasts minZoneDwellMs.
  let currentZone: string | undefined;
  let zoneEnterMs = 0;
  let revisitCounted = false;
  const leftZones = new Set<string>();
  /** Whether the current zone is in leftZones (which changes only when the zone does). */
  let currentZoneLeft = false;
  let revisits = 0;
  let zoneRegion: RegionId | undefined;
  let zoneOfLastRegion: string | undefined;
  const trackZone = (region: RegionId, tMs: number) => {
    if (region !== zoneRegion) {
      zoneRegion = region;
      zoneOfLastRegion = zoneOfRegion.get(region);
    }
    const zone = zoneOfLastRegion;
    if (zone === undefined) return;
    if (zone !== currentZone) {
      if (currentZone !== undefined && tMs - zoneEnterMs >= cfg.minZoneDwellMs) leftZones.add(currentZone);
      currentZone = zone;
      currentZoneLeft = leftZones.has(zone);
      zoneEnterMs = tMs;
      revisitCounted = false;
    } else if (!revisitCounted && currentZoneLeft && tMs - zoneEnterMs >= cfg.minZoneDwellMs) {
      revisitCounted = true;
      revisits++;
    }
  };

  const finish = (add: Add, extra: Acc[], endMs: number) => {
    const { firstTreatMs, lastTreatMs } = tl;
    if (firstTreatMs >= 0) {
      const order = (list: readonly StepId[]) => {
        const times = list.map((s) => steps.find((e) => e.step === s && e.tMs <= firstTreatMs)?.tMs).filter((t): t is number => t !== undefined);
        return times.every((t, i) => i === 0 || t >= times[i - 1]);
      };
      if (!order(PRE_TREATMENT_STEPS.map((r) => r.step))) add('preparation-order', firstTreatMs, { zh: '病史、检查、知情同意顺序颠倒', en: 'history, examination and consent out of order' }, {});
      const prep = PREPARATION_STEPS[procedure];
      if (prep.orderRuleId && !order(prep.steps)) add(prep.orderRuleId, firstTreatMs, { zh: `准备步骤顺序应为：${prep.steps.map((m) => STEP_NAMES[m].zh).join(' → ')}`, en: `preparation order should be: ${prep.steps.map((m) => STEP_NAMES[m].en).join(' -> ')}` }, {});
      // Aftercare after the last treatment event.
      for (const req of AFTERCARE_STEPS[procedure]) {
        const done = steps.find((s) => s.step === req.step && s.tMs >= lastTreatMs);
        if (!done) add(req.ruleId, endMs, { zh: `治疗结束后没有“${STEP_NAMES[req.step].zh}”`, en: `no "${STEP_NAMES[req.step].en}" step after treatment` }, { missingStep: req.step });
        else if (req.step === 'wet-compress' && (done.durationMs ?? 0) < cfg.wetCompressMinMin * 60000) {
          add(req.ruleId, done.tMs, { zh: `湿敷 ${round((done.durationMs ?? 0) / 60000, 1)} 分钟，应 ${cfg.wetCompressMinMin} 分钟`, en: `wet compress ${round((done.durationMs ?? 0) / 60000, 1)} min, should be ${cfg.wetCompressMinMin} min` }, { minutes: round((done.durationMs ?? 0) / 60000, 1), requiredMin: cfg.wetCompressMinMin });
        }
      }
      if (procedure === 'roller' && endpoint === 'texture-scars') {
        if (!steps.some((s) => s.step === 'wipe-blood' && s.tMs >= firstTreatMs)) add('roller-wipe-blood', lastTreatMs, { zh: '出血终点治疗中未擦拭渗血', en: 'no blood wiping during a bleeding-endpoint treatment' }, {});
        if (!steps.some((s) => s.step === 'cold-compress' && s.tMs >= lastTreatMs)) add('cold-compress', endMs, { zh: '明显炎症反应的终点后未冷敷', en: 'no cold compress after a marked-reaction endpoint' }, {});
      }
    }
    for (const step of scenario?.requiredSteps ?? []) {
      if (!steps.some((s) => s.step === step)) {
        extra.push({ ruleId: 'scenario-required-step', clause: STEP_CLAUSES[step], key: `scenario-required-step:${step}`, count: 1, startMs: endMs, endMs, evidence: { zh: `本任务要求的步骤“${STEP_NAMES[step].zh}”未完成`, en: `step "${STEP_NAMES[step].en}" required by this task was not done` }, values: { missingStep: step } });
      }
    }
  };

  return {
    onTreatment,
    noTreat,
    trackZone,
    zoneRevisits: () => revisits,
    onStep: (s) => {
      steps.push(s);
    },
    finish,
  };
}
