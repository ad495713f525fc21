// The image of a question, fetched from main by its sha256 (media.get) and shown from a data: URL (the
// CSP's img-src allows data:), with its alt text in the UI language. While it loads, or if it cannot be
// read, the alt text stands in its place.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../app/store';
import { useLt, type Lt } from './text';

export interface QuestionImageRef {
  sha256: string;
  mediaType: string;
  alt: Lt;
}

export function QuestionImage({ image }: { image: QuestionImageRef }) {
  const { t } = useTranslation('exam');
  const api = useAppStore((s) => s.api);
  const lt = useLt();
  const [src, setSrc] = useState<{ sha256: string; url: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    void api.media.get({ sha256: image.sha256 }).then((r) => {
      if (live) setSrc({ sha256: image.sha256, url: r.ok ? `data:${r.value.mediaType};base64,${r.value.base64}` : null });
    });
    return () => {
      live = false;
    };
  }, [api, image.sha256]);
  const current = src?.sha256 === image.sha256 ? src : null;
  return (
    <figure className="exam-question-image">
      {current?.url ? <img src={current.url} alt={lt(image.alt)} /> : <p className="muted">{current ? t('knowledge.imageMissing', { alt: lt(image.alt) }) : t('knowledge.imageLoading', { alt: lt(image.alt) })}</p>}
    </figure>
  );
}
