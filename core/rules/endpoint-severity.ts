// Severity of going past the treatment endpoint (8.4.1, 8.4.2), by how much of the region shows the sign beyond
// it: the same three bands as the severity by extent (core/rules/extent-severity.ts: trace below
// extentTraceFraction, notable, most from extentMostFraction), measured as a share of the region's area in the
// skin-reaction model (core/scoring/engine/skin-reaction.ts) rather than as a share of its events. Docs:
// docs/scoring.md, "Treatment endpoints".

import type { LocalizedText, Severity } from '../scoring/report';
import type { ExtentBand } from './extent-severity';

export interface EndpointOvershootSeverity {
  bands: Record<ExtentBand, Severity>;
  why: LocalizedText;
}

const b = (trace: Severity, notable: Severity, most: Severity): Record<ExtentBand, Severity> => ({ trace, notable, most });

export const ENDPOINT_OVERSHOOT_SEVERITY: Readonly<Record<string, EndpointOvershootSeverity>> = {
  'roller-endpoint-beyond-pink': {
    bands: b('minor', 'major', 'major'),
    why: {
      zh: '8.4.1 的常规终点是粉红；出血性紫癜说明治疗超过终点（13.3 瘀点/瘀斑，13.9 过度治疗致色沉），但会自行吸收，不属于安全性严重错误',
      en: "8.4.1's conventional endpoint is pink; purpura means the treatment went past it (13.3 petechiae and ecchymoses, 13.9 over-treatment and pigmentation), but it resolves and is not a safety-critical error",
    },
  },
  'roller-endpoint-absorption-visible': {
    bands: b('minor', 'major', 'major'),
    why: {
      zh: '8.4.2 要求术后肉眼无明显变化；可见红斑说明针长或力度、遍数超过了促进吸收所需',
      en: '8.4.2 asks for no visible change; visible erythema means more needle, force or rounds than absorption needs',
    },
  },
  'roller-endpoint-absorption-purpura': {
    bands: b('major', 'major', 'critical'),
    why: {
      zh: '以促进吸收为目的却造成出血性紫癜：远超 8.4.2 的终点，凝血还会妨碍吸收（8.3）；区域大部分出现紫癜是严重错误',
      en: 'Purpura on an absorption treatment is far past 8.4.2\'s endpoint, and clotted blood blocks absorption (8.3); purpura over most of the region is critical',
    },
  },
};
