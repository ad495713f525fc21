// What each account role finds in the top navigation. Main refuses the calls behind the others anyway;
// this only keeps the shell from offering them.

import type { AccountRole } from '../../core/api/contract';
import type { Screen } from './store';

export type NavTarget = 'home' | 'exams' | 'records' | 'people' | 'audit' | 'settings' | 'authoring' | 'cohort';

export interface NavItem {
  target: NavTarget;
  /** Key in common:nav. */
  label: 'home' | 'exams' | 'records' | 'certification' | 'people' | 'trainees' | 'audit' | 'settings' | 'authoring' | 'cohort';
}

const NAV: Record<AccountRole, readonly NavItem[]> = {
  trainee: [
    { target: 'home', label: 'home' },
    { target: 'exams', label: 'exams' },
    { target: 'records', label: 'records' },
    { target: 'settings', label: 'settings' },
  ],
  instructor: [
    { target: 'home', label: 'home' },
    { target: 'people', label: 'trainees' },
    { target: 'exams', label: 'exams' },
    { target: 'authoring', label: 'authoring' },
    { target: 'cohort', label: 'cohort' },
    { target: 'records', label: 'records' },
    { target: 'settings', label: 'settings' },
  ],
  admin: [
    { target: 'home', label: 'home' },
    { target: 'people', label: 'people' },
    { target: 'exams', label: 'exams' },
    { target: 'cohort', label: 'cohort' },
    { target: 'audit', label: 'audit' },
    // The administrator's records screen is the institution's certification log, not a personal record.
    { target: 'records', label: 'certification' },
    { target: 'settings', label: 'settings' },
  ],
};

export function navItemsFor(role: AccountRole): readonly NavItem[] {
  return NAV[role];
}

/** The nav entry a screen belongs to (a trainee's file belongs to People, an exam and a syllabus to Exams, a draft to Authoring). */
export function navTargetOf(screen: Screen): NavTarget | null {
  if (screen.name === 'trainee') return 'people';
  if (screen.name === 'studio') return null;
  if (screen.name === 'exam' || screen.name === 'syllabus') return 'exams';
  if (screen.name === 'authoring-edit' || screen.name === 'authoring-analysis') return 'authoring';
  return screen.name;
}

/**
 * Whether the role has this screen at all: staff open trainee files; only operators use the studio; only
 * trainees take exams (staff open an exam read-only, and the syllabus).
 */
export function mayOpen(role: AccountRole, screen: Screen): boolean {
  if (screen.name === 'trainee') return role !== 'trainee';
  if (screen.name === 'studio') {
    if (screen.exam) return role === 'trainee';
    return role !== 'admin' || screen.openAttemptId !== undefined;
  }
  const target = navTargetOf(screen);
  return target !== null && NAV[role].some((item) => item.target === target);
}
