import type { HTMLAttributes } from "react";

export type BadgeTone = "neutral" | "ok" | "warn" | "bad" | "info" | "alert";

interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

export function Badge({ tone = "neutral", className, ...rest }: BadgeProps) {
  return <span className={`badge badge--${tone}${className ? ` ${className}` : ""}`} {...rest} />;
}
