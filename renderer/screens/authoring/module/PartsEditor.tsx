// A module's parts: added by kind, removed and reordered; each with its title, time limit, minimum score
// and weight, and what the part holds (./PartBodies).

import { useTranslation } from 'react-i18next';
import type { PartKind } from '../../../../core/exams/format/module';
import { asRecord } from '../documents';
import { asLocalized, EMPTY_TEXT, LocalizedField, moveItem, NumberInput, removeAt, replaceAt, Section, TextInput } from '../fields';
import { GroupProblems } from '../problems';
import { PartBody } from './PartBodies';
import { useBank } from './useBank';
import { newPracticalTask } from '../task/task-doc';

const PART_KINDS: readonly PartKind[] = ['knowledge', 'case', 'practical', 'complication'];

function newPart(kind: PartKind, index: number, procedure: string | null): Record<string, unknown> {
  const base = { id: `${kind}-${index + 1}`, kind, title: { ...EMPTY_TEXT }, timeLimitMin: 30, minScore: 60, weight: 1 };
  switch (kind) {
    case 'knowledge':
      return { ...base, draws: [{ clauses: [], count: 10 }] };
    case 'case':
      return { ...base, caseIds: [] };
    case 'practical':
      // A whole task to fill in (device settings for the procedure, a patient with no conditions), not a shell.
      return { ...base, task: newPracticalTask(procedure === 'rf' || procedure === 'nano' ? procedure : 'roller') };
    case 'complication':
      return { ...base, vignetteIds: [], count: 1 };
  }
}

export function PartsEditor({ parts, procedure, onChange }: { parts: unknown[]; procedure: string | null; onChange: (parts: unknown[]) => void }) {
  const { t } = useTranslation('authoring');
  const bank = useBank();
  return (
    <Section title={t('module.parts')}>
      <GroupProblems pointer="/parts" />
      {parts.map((raw, i) => {
        const part = asRecord(raw);
        const kind = (PART_KINDS as readonly unknown[]).includes(part.kind) ? (part.kind as PartKind) : 'knowledge';
        const at = `/parts/${i}`;
        const set = (patch: Record<string, unknown>) => onChange(replaceAt(parts, i, { ...part, ...patch }));
        return (
          <fieldset key={i} className="fieldset authoring-part">
            <legend>{t('module.partLegend', { n: i + 1, kind: t(`module.partKinds.${kind}`) })}</legend>
            <GroupProblems pointer={`${at}/kind`} />
            <div className="authoring-part-actions">
              <button type="button" className="button button-small" disabled={i === 0} onClick={() => onChange(moveItem(parts, i, i - 1))}>
                {t('module.moveUp', { n: i + 1 })}
              </button>
              <button type="button" className="button button-small" disabled={i === parts.length - 1} onClick={() => onChange(moveItem(parts, i, i + 1))}>
                {t('module.moveDown', { n: i + 1 })}
              </button>
              <button type="button" className="button button-small button-danger" onClick={() => onChange(removeAt(parts, i))}>
                {t('module.removePart', { n: i + 1 })}
              </button>
            </div>
            <div className="form-columns">
              <TextInput pointer={`${at}/id`} label={t('module.partId', { n: i + 1 })} value={typeof part.id === 'string' ? part.id : ''} lang="en" onChange={(id) => set({ id })} />
              <NumberInput pointer={`${at}/timeLimitMin`} label={t('module.timeLimit', { n: i + 1 })} value={part.timeLimitMin as number} min={1} max={240} onChange={(timeLimitMin) => set({ timeLimitMin })} />
              <NumberInput pointer={`${at}/minScore`} label={t('module.minScore', { n: i + 1 })} value={part.minScore as number} min={0} max={100} onChange={(minScore) => set({ minScore })} />
              <NumberInput pointer={`${at}/weight`} label={t('module.weight', { n: i + 1 })} value={part.weight as number} min={0} step={0.5} onChange={(weight) => set({ weight })} />
            </div>
            <LocalizedField pointer={`${at}/title`} label={t('module.partTitle', { n: i + 1 })} value={asLocalized(part.title)} onChange={(title) => set({ title })} />
            <PartBody kind={kind} part={part} at={at} bank={bank} onChange={set} />
          </fieldset>
        );
      })}
      <div className="form-actions authoring-add-part">
        {PART_KINDS.map((kind) => (
          <button key={kind} type="button" className="button" disabled={parts.length >= 8} onClick={() => onChange([...parts, newPart(kind, parts.length, procedure)])}>
            {t('module.addPart', { kind: t(`module.partKinds.${kind}`) })}
          </button>
        ))}
      </div>
    </Section>
  );
}
