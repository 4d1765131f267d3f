import type { ButtonHTMLAttributes } from "react";

export type ButtonVariant = "primary" | "ghost" | "danger";

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: "normal" | "small";
}

export function Button({ variant = "ghost", size = "normal", className, type = "button", ...rest }: ButtonProps) {
  const classes = ["btn", `btn--${variant}`, size === "small" ? "btn--small" : "", className ?? ""].filter(Boolean).join(" ");
  return <button type={type} className={classes} {...rest} />;
}
