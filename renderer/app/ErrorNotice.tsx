import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/errors';

/** A typed API error, told in the UI language; the technical detail (file, field) stays visible. */
export function ErrorNotice({ error, title, onRetry }: { error: ApiError; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title ?? t('errors.title')}</p>
      <p>{t(`errors.codes.${error.code}`)}</p>
      {/* The detail comes from the main process in English; it names the file or field for support. */}
      <p className="notice-detail" lang="en">
        {t('errors.detail', { message: error.message })}
      </p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
