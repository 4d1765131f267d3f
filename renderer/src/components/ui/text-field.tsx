import type { InputHTMLAttributes } from "react";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value" | "aria-label"> {
  value: string;
  onValue(value: string): void;
  /** What the field is for: its accessible name, and its placeholder unless one is given. */
  label: string;
  maxLength: number;
}

/** A one-line text field without a visible label (a toolbar's search, a form's note): bounded, and named for screen readers. */
export function TextField({ value, onValue, label, placeholder, ...rest }: TextFieldProps) {
  return <input value={value} placeholder={placeholder ?? label} aria-label={label} onChange={(event) => onValue(event.currentTarget.value)} {...rest} />;
}
