// Large text for those who read with difficulty (issue 16 §4), with no JavaScript bundle: one key on the
// phone, and one small inline script in the root layout (TEXT_SIZE_SCRIPT) that applies it before the
// first paint (<html data-text-size="large">; app/globals.css scales the root font size from it, and every
// size is in rem) and makes every [data-text-size-toggle] button in the page switch it and say whether it
// is on (aria-pressed), including buttons that client-side navigation brings in later.
export const LARGE_TEXT_KEY = "danban-text-size";

export const TEXT_SIZE_SCRIPT = `(function(){var k=${JSON.stringify(LARGE_TEXT_KEY)},d=document.documentElement;
try{if(localStorage.getItem(k)==="large")d.dataset.textSize="large"}catch(e){}
function sync(){var on=String(d.dataset.textSize==="large");document.querySelectorAll("[data-text-size-toggle]").forEach(function(b){if(b.getAttribute("aria-pressed")!==on)b.setAttribute("aria-pressed",on)})}
document.addEventListener("click",function(e){var b=e.target instanceof Element?e.target.closest("[data-text-size-toggle]"):null;if(!b)return;var on=d.dataset.textSize!=="large";if(on)d.dataset.textSize="large";else delete d.dataset.textSize;try{if(on)localStorage.setItem(k,"large");else localStorage.removeItem(k)}catch(e){}sync()});
document.addEventListener("DOMContentLoaded",function(){sync();new MutationObserver(sync).observe(document.body,{childList:true,subtree:true})})})()`;
