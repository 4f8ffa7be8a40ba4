import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md";

const variants: Record<Variant, string> = {
  primary: "bg-accent text-accent-ink hover:opacity-90 border border-transparent",
  secondary: "bg-panel text-ink border border-line hover:border-muted",
  ghost: "bg-transparent text-ink border border-transparent hover:bg-line/40",
  danger: "bg-panel text-danger border border-danger/60 hover:bg-danger/10",
};
const sizes: Record<Size, string> = { sm: "text-sm px-2.5 py-1", md: "text-sm px-3.5 py-2" };

/** Class names for anything that should look like a button (links included). */
export function buttonClass(variant: Variant = "secondary", size: Size = "md", extra = "") {
  return `inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors disabled:opacity-50 disabled:cursor-not-allowed ${variants[variant]} ${sizes[size]} ${extra}`;
}

export function Button({ variant = "secondary", size = "md", className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
