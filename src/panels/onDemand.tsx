import { Component, lazy, Suspense, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A component whose code is a chunk of its own: fetched the first time it is shown, or earlier by
 * `load()` (the idle prefetch). Once loaded it renders at once, without a Suspense fallback, so a
 * prefetched part never flashes its loading state. Render it inside an `OnDemandBoundary`.
 */
export interface OnDemandComponent<P extends object> {
  (props: P): ReactNode;
  /** fetches (once) and evaluates the part's chunk; a failed fetch may be tried again */
  load(): Promise<unknown>;
}

/** The parts whose chunk failed to arrive, each with a fresh start for the next "Try again". */
const failedParts = new Set<() => void>();

export function onDemand<P extends object>(importPart: () => Promise<ComponentType<P>>): OnDemandComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const load = () =>
    (loading ??= importPart().then(
      (part) => (loaded = part),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));
  // One lazy wrapper until it fails; made here, not while rendering: React renders a suspended
  // part again from scratch, and a wrapper made per render would fetch a failing chunk forever.
  const wrap = (): ComponentType<P> =>
    lazy(() =>
      load().then(
        (part) => ({ default: part }),
        (error: unknown) => {
          failedParts.add(restart);
          throw error;
        },
      ),
    );
  let wrapper = wrap();
  const restart = () => {
    wrapper = wrap();
  };
  // once loaded, the component itself: no Suspense round trip, so no loading state flashes
  const Part = (props: P) => {
    const Shown = loaded ?? wrapper;
    return <Shown {...props} />;
  };
  Part.load = load;
  return Part;
}

interface BoundaryProps {
  /** 'panel' fills the place of a panel; 'screen' the whole window; 'overlay' floats over the editor */
  place: 'panel' | 'screen' | 'overlay';
  children: ReactNode;
}

/**
 * Where an on-demand part appears: a short "Loading…" while its chunk arrives (shown only after a
 * moment, so a fast load does not flash it), and a message with "Try again" if it cannot be
 * fetched (offline before the app was ever cached), instead of taking the whole editor down.
 */
export class OnDemandBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  private retry = () => {
    for (const restart of failedParts) restart();
    failedParts.clear();
    this.setState({ failed: false });
  };

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('An on-demand part of the app could not be loaded', error, info.componentStack);
  }

  override render() {
    const { place, children } = this.props;
    if (this.state.failed) return <PartFailed place={place} onRetry={this.retry} />;
    return <Suspense fallback={<PartLoading place={place} />}>{children}</Suspense>;
  }
}

function PartLoading({ place }: { place: BoundaryProps['place'] }) {
  const { t } = useTranslation();
  return (
    <div className={`on-demand on-demand-${place}`} role="status">
      <span className="on-demand-loading">{t('app.onDemand.loading')}</span>
    </div>
  );
}

function PartFailed({ place, onRetry }: { place: BoundaryProps['place']; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <div className={`on-demand on-demand-${place}`} role="alert">
      <p>{t('app.onDemand.failed')}</p>
      <button type="button" className="button-secondary" onClick={onRetry}>
        {t('app.onDemand.retry')}
      </button>
    </div>
  );
}
