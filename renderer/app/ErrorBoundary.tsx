// Catches a render error in one screen (or a studio chunk that fails to load) so the shell stays usable:
// the person sees what happened and can go back, instead of a blank window.

import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  children: ReactNode;
  onReset: () => void;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error('screen failed:', error);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation ns="common">
        {(t) => (
          <section className="screen narrow" aria-labelledby="crash-title">
            <div className="notice notice-error" role="alert">
              <h1 id="crash-title" className="notice-title">
                {t('errors.crashTitle')}
              </h1>
              <p>{t('errors.crashBody')}</p>
              <p className="notice-detail" lang="en">
                {t('errors.detail', { message: error.message })}
              </p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  this.setState({ error: null });
                  this.props.onReset();
                }}
              >
                {t('errors.backHome')}
              </button>
            </div>
          </section>
        )}
      </Translation>
    );
  }
}
