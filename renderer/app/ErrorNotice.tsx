import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/errors';
import { AppStoreContext } from './store';

/** Codes whose message is the whole story: main's English detail adds nothing (or must not be shown). */
const NO_DETAIL = new Set<ApiError['code']>(['sign-in-failed', 'unauthenticated']);

/** A typed API error, told in the UI language; the technical detail (file, field) stays visible. */
export function ErrorNotice({ error, title, onRetry }: { error: ApiError; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const store = useContext(AppStoreContext);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{title ?? t('errors.title')}</p>
      <p>{t(`errors.codes.${error.code}`)}</p>
      {/* The detail comes from the main process in English; it names the file or field for support. */}
      {!NO_DETAIL.has(error.code) && (
        <p className="notice-detail" lang="en">
          {t('errors.detail', { message: error.message })}
        </p>
      )}
      {(onRetry || (error.code === 'unauthenticated' && store)) && (
        <div className="notice-actions">
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              {t('errors.retry')}
            </button>
          )}
          {error.code === 'unauthenticated' && store && (
            <button type="button" className="button" onClick={() => void store.getState().refreshAuth()}>
              {t('errors.signInAgain')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
