import { Component, type ErrorInfo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./button.js";
import { Pane } from "./pane.js";

interface BoundaryProps {
  testId: string;
  /** i18n key of the pane title, e.g. "panes.map". */
  titleKey: string;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
}

/** Keeps a failing pane from taking the whole console down; the others keep running. */
export class PaneErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`Pane ${this.props.testId} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <PaneCrash
        testId={this.props.testId}
        titleKey={this.props.titleKey}
        error={this.state.error}
        onRetry={() => this.setState({ error: null })}
      />
    );
  }
}

function PaneCrash({ testId, titleKey, error, onRetry }: { testId: string; titleKey: string; error: Error; onRetry: () => void }) {
  const { t } = useTranslation();
  const title = t(titleKey);
  return (
    <Pane testId={testId} title={title} data-crashed="true">
      <div className="pane-crash" role="alert">
        <p className="pane-crash__headline">{t("errors.paneCrashed", { pane: title })}</p>
        <pre className="pane-crash__detail">{error.message}</pre>
        <Button variant="primary" onClick={onRetry}>
          {t("errors.retry")}
        </Button>
      </div>
    </Pane>
  );
}
