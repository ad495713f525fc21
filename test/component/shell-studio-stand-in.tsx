// The studio (three.js, WebGL) has its own tests; shell tests mock it with this stand-in, which shows what the
// shell passed to it (procedure, attempt to open) and offers the way back.
import type { StudioHostProps } from '../../renderer/app/StudioHost';

export function StudioScreen({ procedure, openAttemptId, onExit }: StudioHostProps) {
  return (
    <section>
      <h1>{`studio ${procedure} ${openAttemptId ?? 'new'}`}</h1>
      <button type="button" onClick={onExit}>
        exit studio
      </button>
    </section>
  );
}
