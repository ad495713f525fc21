// Which screen the shell shows. The studio remembers where it was opened from, so leaving it goes back
// to the attempts list a stored attempt came from (my records or a trainee's file), else home; the
// practical part of an exam goes back to its exam.

import type { StateCreator } from 'zustand';
import type { Procedure } from '../../../core/recording/types';
import type { AppState } from '../store';

export type Screen =
  | { name: 'home' }
  | { name: 'records' }
  | { name: 'people' }
  | { name: 'trainee'; personId: string }
  | { name: 'audit' }
  | { name: 'cohort' }
  | { name: 'settings' }
  | { name: 'exams' }
  | { name: 'exam'; examAttemptId: string }
  | { name: 'syllabus'; moduleId: string }
  | { name: 'authoring'; tab?: AuthoringTab }
  | { name: 'authoring-edit'; draftId: string }
  | { name: 'authoring-analysis'; moduleId: string }
  | { name: 'studio'; procedure: Procedure; openAttemptId?: string; exam?: { examAttemptId: string; partId: string } };

/** The authoring screen's tabs: one per kind of item, and packs in and out. */
export type AuthoringTab = 'question' | 'patient-case' | 'complication' | 'exam-module' | 'packs';

export interface NavigationSlice {
  screen: Screen;
  /** Where leaving the studio goes. */
  studioReturn: Screen;
  navigate(screen: Screen): void;
  leaveStudio(): void;
}

export const navigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  screen: { name: 'home' },
  studioReturn: { name: 'home' },
  navigate(screen) {
    if (screen.name !== 'studio') return set({ screen });
    const from = get().screen;
    const back: Screen = screen.exam
      ? { name: 'exam', examAttemptId: screen.exam.examAttemptId }
      : screen.openAttemptId && from.name !== 'studio'
        ? from
        : screen.openAttemptId
          ? { name: 'records' }
          : { name: 'home' };
    set({ screen, studioReturn: back });
  },
  leaveStudio: () => set({ screen: get().studioReturn, studioReturn: { name: 'home' } }),
});
