// The patient case as a form (never raw JSON): heading and patient, planned regions on the head, the
// patient's answer to every history topic, findings painted on the head, what is true of the patient, and
// the expected decision beside the one the conditions call for. Problems show at their fields (by JSON
// pointer); those no field shows, at the top. A document that is not yet an object starts as a new case.

import { useTranslation } from 'react-i18next';
import type { AuthoringProblem } from '../../../../core/api/schemas/authoring';
import { casePlaces, newPatientCase } from './case-doc';
import { isObject, setAt, unplacedProblems, type Path } from './doc-edit';
import { ActiveRegionField, CaseHead, caseHeadAt, ProblemSummary, useActiveRegionField } from './fields';
import { CaseFindings } from './CaseFindings';
import { CaseHistory } from './CaseHistory';
import { CaseOutcome } from './CaseOutcome';
import { CasePatient } from './CasePatient';

export { newPatientCase } from './case-doc';

export function CaseForm(props: { document: unknown; problems: AuthoringProblem[]; onChange: (document: unknown) => void; readOnly?: boolean }) {
  const { t } = useTranslation('authoring-case');
  const active = useActiveRegionField();
  const doc = isObject(props.document) ? props.document : newPatientCase();
  const edit = (path: Path, value: unknown) => {
    if (!props.readOnly) props.onChange(setAt(doc, path, value));
  };
  const section = { doc, problems: props.problems, edit, readOnly: props.readOnly };
  const head = caseHeadAt(doc, ['patient']);
  return (
    <CaseHead.Provider value={head}>
      <ActiveRegionField.Provider value={active}>
        <form className="authoring-form" aria-label={t('case.form')} onSubmit={(e) => e.preventDefault()}>
          <ProblemSummary problems={unplacedProblems(props.problems, casePlaces(doc))} />
          {props.readOnly && <p className="notice">{t('case.readOnly')}</p>}
          <CasePatient {...section} />
          <CaseHistory {...section} />
          <CaseFindings {...section} />
          <CaseOutcome {...section} />
        </form>
      </ActiveRegionField.Provider>
    </CaseHead.Provider>
  );
}
