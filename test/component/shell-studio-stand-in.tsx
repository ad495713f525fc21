// The studio (three.js, WebGL) has its own tests; shell tests mock it with this stand-in, which shows what the
// shell passed to it (procedure, recording to open) and offers the way back.
import type { StudioScreenProps } from '../../renderer/studio/StudioScreen';

export function StudioScreen({ procedure, openRecordingId, onExit }: StudioScreenProps) {
  return (
    <section>
      <h1>{`studio ${procedure} ${openRecordingId ?? 'new'}`}</h1>
      <button type="button" onClick={onExit}>
        exit studio
      </button>
    </section>
  );
}
