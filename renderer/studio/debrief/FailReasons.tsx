// Why a failed attempt did not pass, at the top of the report: each critical finding with its clause, each
// required criterion that could not be assessed (with why), each criterion under the per-criterion floor and
// the total under the pass mark, one sentence each in the UI
// language (core's failReasons; nothing when the attempt passed).

import { useTranslation } from 'react-i18next';
import { REGION_NAMES } from '../../../core/anatomy/regions';
import type { Zone } from '../../../core/recording/types';
import { failReasons, type FailReason } from '../../../core/scoring/fail-reasons';
import type { ScoreReport } from '../../../core/scoring/report';
import type { Scenario } from '../../../core/scoring/scenario';
import { nameZonesIn } from '../zone-names';

export function FailReasons({ report, scenario, zones = [] }: { report: ScoreReport; scenario?: Scenario; zones?: readonly Zone[] }) {
  const { t, i18n } = useTranslation('studio');
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const reasons = failReasons(report, scenario);
  if (reasons.length === 0) return null;
  const sentence = (r: FailReason): string => {
    switch (r.kind) {
      case 'critical': {
        const message = nameZonesIn(r.message[lang], zones, lang, (n) => t('zones.unnamed', { n }));
        // The region is named once: many rule messages already begin with it.
        return r.region && !message.toLowerCase().includes(REGION_NAMES[r.region][lang].toLowerCase())
          ? t('debrief.why.criticalAt', { clause: r.clause, region: REGION_NAMES[r.region][lang], message })
          : t('debrief.why.critical', { clause: r.clause, message });
      }
      case 'not-assessed':
        return t('debrief.why.notAssessed', { criterion: t(`criterion.${r.criterion}`), reason: r.text[lang] });
      case 'criterion': {
        const values = { criterion: t(`criterion.${r.criterion}`), score: r.score, floor: r.floor };
        return r.simulatorDefault ? t('debrief.why.criterionDefault', values) : t('debrief.why.criterion', values);
      }
      case 'total':
        return r.simulatorDefault ? t('debrief.why.totalDefault', { score: r.score, mark: r.passMark }) : t('debrief.why.total', { score: r.score, mark: r.passMark });
    }
  };
  return (
    <section className="studio-fail-reasons" aria-labelledby="fail-reasons-title" data-testid="fail-reasons">
      <h3 id="fail-reasons-title">{t('debrief.why.title')}</h3>
      <ul>
        {reasons.map((r) => (
          <li key={r.kind === 'critical' ? `critical:${r.findingId}` : r.kind === 'total' ? 'total' : `${r.kind}:${r.criterion}`} data-kind={r.kind}>
            {sentence(r)}
          </li>
        ))}
      </ul>
    </section>
  );
}
