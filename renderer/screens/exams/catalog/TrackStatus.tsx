// Whether a trainee is examined for their profession (api.exams.tracks): "examined for nurse on <date>",
// or the modules their track still needs. Shown on the trainee's home, in My records and in their file.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrackStatus as Track } from '../../../../core/api/contract';
import { useAppStore } from '../../../app/store';
import { useFormat } from '../../../app/ui/format';
import { useLocalized } from './localized';

/** The tracks of a trainee (the signed-in one without personId); null until main answers, or if it cannot. */
export function useTracks(personId?: string, reload = 0): Track[] | null {
  const api = useAppStore((s) => s.api);
  const [tracks, setTracks] = useState<Track[] | null>(null);
  useEffect(() => {
    let live = true;
    void api.exams.tracks(personId ? { personId } : {}).then((r) => live && setTracks(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [api, personId, reload]);
  return tracks;
}

export function TrackStatusView({ personId, reload, headingLevel = 2 }: { personId?: string; reload?: number; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('exams');
  const tracks = useTracks(personId, reload);
  if (!tracks || tracks.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="panel track-status" aria-labelledby={`track-title-${personId ?? 'me'}`}>
      <Heading id={`track-title-${personId ?? 'me'}`}>{t('track.title')}</Heading>
      {tracks.map((track) => (
        <TrackLine key={track.profession} track={track} />
      ))}
    </section>
  );
}

function TrackLine({ track }: { track: Track }) {
  const { t } = useTranslation('exams');
  const format = useFormat();
  const local = useLocalized();
  const profession = t(`common:professions.${track.profession}`);
  if (track.examined) {
    return (
      <p className="track-line track-examined">
        <span className="pill pill-pass">{t('track.examinedBadge')}</span>{' '}
        {track.examinedAt ? t('track.examinedOn', { profession, date: format.date(track.examinedAt) }) : t('track.examined', { profession })}
      </p>
    );
  }
  const missing = track.modules.filter((m) => !m.proficient);
  return (
    <div className="track-line">
      <p>{missing.length > 0 ? t('track.needed', { profession }) : t('track.noModules', { profession })}</p>
      {missing.length > 0 && (
        <ul className="plain-list track-missing">
          {missing.map((m) => (
            <li key={m.moduleId}>
              {local(m.title)}
              {!m.loaded && <span className="muted"> {t('track.notLoaded')}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
