// Moved to lib/calendar/ (working days with Tết and the Hùng Kings' day, Labour Code 2019 Art. 112);
// re-exported so existing callers (data rights, register requests, online deciding) keep working.
export { addWorkingDays } from "@/lib/calendar/working-days";
