/**
 * Large text that stays on. A server-rendered button: the script in the root layout
 * (lib/read-aloud/text-size.ts) switches it, keeps the choice on the phone and sets aria-pressed, so
 * this costs no JavaScript bundle on any page. React is told not to mind aria-pressed, which the script
 * may have set before hydration.
 */
export function TextSizeSwitch({ label }: { label: string }) {
  return (
    <button
      type="button"
      data-text-size-toggle=""
      aria-pressed="false"
      suppressHydrationWarning
      className="min-h-11 rounded px-2 py-1 text-sm font-medium text-white underline-offset-2 hover:underline aria-pressed:bg-brand-900"
    >
      <span aria-hidden="true">A+ </span>
      {label}
    </button>
  );
}
