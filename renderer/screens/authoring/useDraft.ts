// A draft's lifecycle, shared by every form: the document as the form holds it, every change saved as it
// is typed (debounced; authoring.saveDraft answers with the problems at their fields), publish when there
// are none (a new immutable version with its hash), and discard.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../../core/api/contract';
import type { ApiError } from '../../../core/api/errors';
import { useAppStore } from '../../app/store';

export const SAVE_DELAY_MS = 600;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';
export interface Published {
  kind: Draft['kind'];
  id: string;
  version: number;
  hash: string;
}

export interface DraftController {
  draft: Draft | null;
  loadError: ApiError | null;
  /** The last failed call (save, publish or discard). */
  error: ApiError | null;
  status: SaveStatus;
  published: Published | null;
  busy: boolean;
  change(document: unknown): void;
  publish(): Promise<void>;
  discard(): Promise<boolean>;
  /** Saves now what is waiting to be saved. */
  flush(): Promise<void>;
}

export function useDraft(draftId: string): DraftController {
  const api = useAppStore((s) => s.api);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const setDraft = useCallback((d: Draft | null) => {
    draftRef.current = d;
    setDraftState(d);
  }, []);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [published, setPublished] = useState<Published | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<Draft | null>(null);
  const seq = useRef(0);
  const inFlight = useRef<Promise<void> | null>(null);

  useEffect(() => {
    let live = true;
    void api.authoring.openDraft({ draftId }).then((r) => {
      if (!live) return;
      if (r.ok) setDraft(r.value);
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, draftId, setDraft]);

  const save = useCallback(async () => {
    const current = pending.current;
    if (!current) return;
    pending.current = null;
    const n = ++seq.current;
    setStatus('saving');
    const r = await api.authoring.saveDraft({ draftId, kind: current.kind, targetId: current.targetId, baseVersion: current.baseVersion, document: current.document });
    if (n !== seq.current) return;
    if (r.ok) {
      // Keep what the form holds now (typing may have gone on); take main's problems.
      const d = draftRef.current;
      setDraft(d ? { ...r.value, document: d.document } : r.value);
      setError(null);
      setStatus(pending.current ? 'pending' : 'saved');
    } else {
      setError(r.error);
      setStatus('failed');
    }
  }, [api, draftId, setDraft]);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    if (pending.current) {
      inFlight.current = save();
      await inFlight.current;
      inFlight.current = null;
    }
  }, [save]);

  const change = useCallback(
    (document: unknown) => {
      const d = draftRef.current;
      if (!d) return;
      const next = { ...d, document };
      pending.current = next;
      setDraft(next);
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void flush();
      }, SAVE_DELAY_MS);
    },
    [flush, setDraft],
  );

  // Leaving the form saves what was typed.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (pending.current) void save();
    },
    [save],
  );

  const publish = useCallback(async () => {
    setBusy(true);
    await flush();
    const r = await api.authoring.publish({ draftId });
    setBusy(false);
    if (r.ok) {
      setPublished(r.value);
      setError(null);
    } else setError(r.error);
  }, [api, draftId, flush]);

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setBusy(true);
    const r = await api.authoring.discardDraft({ draftId });
    setBusy(false);
    if (!r.ok) setError(r.error);
    return r.ok;
  }, [api, draftId]);

  return { draft, loadError, error, status, published, busy, change, publish, discard, flush };
}
