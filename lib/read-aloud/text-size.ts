// Large text for those who read with difficulty (issue 16 §4): one key on the phone, read before the
// first paint by a small inline script (TEXT_SIZE_SCRIPT, in the root layout) that sets
// <html data-text-size="large">; app/globals.css scales the root font size from it (every size is in rem).
export const LARGE_TEXT_KEY = "danban-text-size";

export const TEXT_SIZE_SCRIPT = `try{if(localStorage.getItem(${JSON.stringify(LARGE_TEXT_KEY)})==="large")document.documentElement.dataset.textSize="large"}catch(e){}`;
