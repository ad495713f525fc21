import { useTranslation } from 'react-i18next';

/** A polite live region that says a change was stored. */
export function SavedStatus({ saved, text }: { saved: boolean; text?: string }) {
  const { t } = useTranslation('common');
  return (
    <p className="status" role="status">
      {saved ? (text ?? t('saved')) : ''}
    </p>
  );
}
