// Shared class names: large touch targets (at least 44 px) and AA contrast everywhere.

export const buttonPrimary =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white no-underline shadow-sm hover:bg-brand-800 hover:no-underline disabled:cursor-not-allowed disabled:opacity-60";
export const buttonSecondary =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border border-stone-400 bg-white px-4 py-2 font-medium text-stone-900 no-underline hover:bg-stone-100 hover:no-underline disabled:cursor-not-allowed disabled:opacity-60";
export const buttonDanger =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-lg bg-flag-700 px-4 py-2 font-semibold text-white hover:bg-flag-600 disabled:opacity-60";
export const input =
  "block w-full min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 placeholder:text-stone-500 aria-[invalid=true]:border-flag-700";
export const label = "mb-1 block font-medium";
export const hint = "mt-1 text-sm text-stone-600";
export const fieldError = "mt-1 text-sm font-medium text-flag-700";
export const card = "rounded-xl border border-stone-200 bg-white p-4 shadow-sm";
export const pageTitle = "text-2xl font-bold tracking-tight sm:text-3xl";
