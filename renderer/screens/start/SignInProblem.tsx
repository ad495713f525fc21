import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../core/api/errors';
import { ErrorNotice } from '../../app/ErrorNotice';

/**
 * A refused sign-in: one localized sentence for every wrong user name, password or PIN (main answers
 * 'sign-in-failed' for all of them). For a trainee, 'forbidden' means no PIN has been set for the profile.
 */
export function SignInProblem({ error, trainee = false }: { error: ApiError; trainee?: boolean }) {
  const { t } = useTranslation('start');
  if (error.code === 'sign-in-failed' || (trainee && error.code === 'forbidden')) {
    return (
      <p className="notice notice-error" role="alert">
        {error.code === 'sign-in-failed' ? t('common:errors.codes.sign-in-failed') : t('signIn.noPinSet')}
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}
