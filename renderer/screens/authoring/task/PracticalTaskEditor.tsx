// A module's practical task as a form: the procedure, what the trainee is told, the goal (indication,
// endpoint, target regions on the head), the task's patient, the settings the device starts with, RF's
// suggested zones, and the thresholds: simulator defaults the task may override, the standard's numbers it
// may not. Problems' pointers are relative to the task (/goal/targetRegions).

import { useTranslation } from 'react-i18next';
import type { RegionId } from '../../../../core/anatomy/regions';
import type { AuthoringProblem } from '../../../../core/api/schemas/authoring';
import { endpointSchema, STEP_IDS } from '../../../../core/recording/schema';
import { getAt, isObject, num, problemsAt, setAt, str, strList, toggled, unplacedProblems, type Path } from '../case/doc-edit';
import { ActiveRegionField, CaseHead, caseHeadAt, Checkbox, LocalizedInput, NumberInput, ProblemSummary, ProblemText, RegionField, SelectInput, TextInput, useActiveRegionField } from '../case/fields';
import { ConditionsField } from '../case/CaseConditions';
import { FlagFields } from '../case/CaseOutcome';
import { PatientFields, PROCEDURES } from '../case/CasePatient';
import { defaultSettings, newPracticalTask, taskPlaces, type Procedure } from './task-doc';
import { TaskSettings, TaskZones } from './TaskSettings';
import { ExpertThresholds } from './ExpertThresholds';
import { TaskThresholds } from './TaskThresholds';

/** Drops what an emptied field leaves behind: {} defaults, an empty scenario. */
function tidy(task: unknown): unknown {
  let out = task;
  const defaults = getAt(out, ['scenario', 'defaults']);
  if (isObject(defaults) && Object.keys(defaults).length === 0) out = setAt(out, ['scenario', 'defaults'], undefined);
  const scenario = getAt(out, ['scenario']);
  if (isObject(scenario) && Object.keys(scenario).length === 0) out = setAt(out, ['scenario'], undefined);
  return out;
}

export function PracticalTaskEditor(props: { value: unknown; problems: AuthoringProblem[]; onChange: (task: unknown) => void }) {
  const { t } = useTranslation('authoring-case');
  const active = useActiveRegionField();
  const task = isObject(props.value) ? props.value : newPracticalTask();
  const { problems } = props;
  const edit = (path: Path, value: unknown) => props.onChange(tidy(setAt(task, path, value)));
  const section = { doc: task, problems, edit };
  const procedure = str(getAt(task, ['procedure']));
  const switchProcedure = (p: Procedure) => {
    let next = setAt(task, ['procedure'], p);
    next = setAt(next, ['initialSettings'], defaultSettings(p));
    if (p !== 'rf') next = setAt(next, ['suggestedZones'], undefined);
    props.onChange(tidy(next));
  };
  const steps = strList(getAt(task, ['scenario', 'requiredSteps']));
  // The task's regions are painted on the head its case's patient has, as the studio will show it.
  const head = caseHeadAt(task, ['case']);
  return (
    <CaseHead.Provider value={head}>
      <ActiveRegionField.Provider value={active}>
        <div className="authoring-form" role="group" aria-label={t('task.form')}>
          <ProblemSummary problems={unplacedProblems(problems, taskPlaces(task))} />
          <section className="authoring-section" aria-labelledby="authoring-task-goal">
            <h3 id="authoring-task-goal">{t('task.goalTitle')}</h3>
            <SelectInput<Procedure> label={t('task.procedure')} problems={problemsAt(problems, '/procedure')} value={procedure} options={PROCEDURES.map((p) => ({ value: p, label: t(`procedure.${p}`) }))} onValue={switchProcedure} />
            <LocalizedInput label={t('task.brief')} pointer="/brief" problems={problems} value={getAt(task, ['brief'])} multiline onValue={(v) => edit(['brief'], v)} />
            <div className="authoring-row">
              <TextInput label={t('task.indication')} hint={t('task.indicationHint')} lang="en" problems={problemsAt(problems, '/goal/indication')} value={str(getAt(task, ['goal', 'indication']))} onValue={(v) => edit(['goal', 'indication'], v)} />
              <SelectInput label={t('task.endpoint')} problems={problemsAt(problems, '/goal/endpoint')} value={str(getAt(task, ['goal', 'endpoint']))} options={endpointSchema.options.map((e) => ({ value: e, label: t(`endpoints.${e}`) }))} onValue={(v) => edit(['goal', 'endpoint'], v)} />
            </div>
            <RegionField label={t('task.targetRegions')} pointer="/goal/targetRegions" problems={problems} value={strList(getAt(task, ['goal', 'targetRegions'])) as RegionId[]} onValue={(v) => edit(['goal', 'targetRegions'], v)} />
            <ProblemText messages={problemsAt(problems, '/goal')} />
          </section>
          <section className="authoring-section" aria-labelledby="authoring-task-patient">
            <h3 id="authoring-task-patient">{t('task.patientTitle')}</h3>
            <TextInput label={t('task.caseId')} lang="en" problems={problemsAt(problems, '/case/id')} value={str(getAt(task, ['case', 'id']))} onValue={(v) => edit(['case', 'id'], v)} />
            <PatientFields {...section} pointer="/case" path={['case']} />
            <ConditionsField pointer="/case/conditions" problems={problems} value={getAt(task, ['case', 'conditions'])} onValue={(v) => edit(['case', 'conditions'], v)} />
            <FlagFields {...section} base={['case']} pointer="/case" />
          </section>
          <TaskSettings {...section} />
          {procedure === 'rf' && <TaskZones {...section} />}
          <TaskThresholds {...section} />
          <ExpertThresholds {...section} />
          <section className="authoring-section" aria-labelledby="authoring-task-scoring">
            <h3 id="authoring-task-scoring">{t('task.scoringTitle')}</h3>
            <NumberInput label={t('task.passMark')} hint={t('task.passMarkHint')} problems={problemsAt(problems, '/scenario/passMark')} value={num(getAt(task, ['scenario', 'passMark']))} onValue={(v) => edit(['scenario', 'passMark'], v)} />
            <fieldset className="authoring-item">
              <legend>{t('task.requiredSteps')}</legend>
              <p className="field-hint">{t('task.requiredStepsHint')}</p>
              <div className="authoring-checks">
                {STEP_IDS.map((s) => (
                  <Checkbox key={s} label={t(`studio:steps.${s}`)} checked={steps.includes(s)} onValue={() => edit(['scenario', 'requiredSteps'], toggled(steps, s).length > 0 ? toggled(steps, s) : undefined)} />
                ))}
              </div>
              <ProblemText messages={problemsAt(problems, '/scenario/requiredSteps', true)} />
            </fieldset>
          </section>
        </div>
      </ActiveRegionField.Provider>
    </CaseHead.Provider>
  );
}
