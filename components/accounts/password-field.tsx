"use client";

import { input, label } from "@/components/ui/styles";

/** A labelled input with its error beside it (the error already translated). */
export function Field({
  id,
  name,
  text,
  error,
  type = "password",
  autoComplete,
  inputMode,
}: {
  id: string;
  name: string;
  text: string;
  error?: string;
  type?: "password" | "tel" | "text";
  autoComplete: string;
  inputMode?: "numeric" | "tel";
}) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required
        maxLength={200}
        className={input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm font-medium text-flag-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
