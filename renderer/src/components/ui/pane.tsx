import type { HTMLAttributes, ReactNode } from "react";

interface PaneProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  testId: string;
  title: string;
  /** Counters and controls shown at the right of the header. */
  toolbar?: ReactNode;
  bodyClassName?: string;
}

/** One of the console's panes: a titled, bordered region that fills its grid cell. */
export function Pane({ testId, title, toolbar, className, bodyClassName, children, ...rest }: PaneProps) {
  return (
    <section className={`pane${className ? ` ${className}` : ""}`} data-testid={testId} aria-label={title} {...rest}>
      <header className="pane__header">
        <h2 className="pane__title">{title}</h2>
        {toolbar !== undefined && <div className="pane__toolbar">{toolbar}</div>}
      </header>
      <div className={`pane__body${bodyClassName ? ` ${bodyClassName}` : ""}`}>{children}</div>
    </section>
  );
}
