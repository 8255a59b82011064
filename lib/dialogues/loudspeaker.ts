// The loudspeaker text announcing a dialogue conference (Đài truyền thanh xã), in the style of
// lib/disclosure/loudspeaker-text.ts: plain spoken Vietnamese from the conference's own fields, with
// abbreviations spelled out, short enough for the reader (the topics are cut first when it runs long).
import { joinVi, MAX_SECONDS, MAX_WORDS, spokenDate, toSpoken, WORDS_PER_MINUTE } from "@/lib/disclosure/loudspeaker-text";
import { measureText } from "@/lib/disclosure/vi-numbers";

export type ConferenceAnnouncement = {
  communeName: string;
  title: string;
  startsAt: Date;
  place: string;
  onlineLink: string | null;
  topics: string;
  /** Village names; every village of the commune when it is commune-wide. */
  villages: string[];
  isCommuneWide: boolean;
};

const timeVn = (d: Date) =>
  new Intl.DateTimeFormat("vi-VN", { hour: "numeric", minute: "2-digit", hour12: false, timeZone: "Asia/Ho_Chi_Minh" })
    .format(d)
    .replace(":", " giờ ")
    .replace(/ giờ 00$/, " giờ");

function compose(a: ConferenceAnnouncement, topicLines: number): string[] {
  const topics = a.topics
    .split(/\n+/)
    .map((t) => t.trim().replace(/^[-•*]\s*/, ""))
    .filter(Boolean);
  const shown = topics.slice(0, topicLines);
  const scope = a.isCommuneWide || a.villages.length > 4 ? "Nhân dân toàn xã" : `Nhân dân ${joinVi(a.villages.map((v) => (/^(thôn|tổ|xóm|ấp|bản|làng)\s/i.test(v) ? v : `thôn ${v}`)))}`;
  return [
    `Thông báo của Ủy ban nhân dân xã ${a.communeName}.`,
    "Kính thưa bà con Nhân dân!",
    `Ủy ban nhân dân xã phối hợp với Ủy ban Mặt trận Tổ quốc xã tổ chức hội nghị đối thoại với Nhân dân: ${toSpoken(a.title).replace(/[.!]$/, "")}.`,
    `Thời gian: ${timeVn(a.startsAt)}, ${spokenDate(a.startsAt)}. Địa điểm: ${toSpoken(a.place).replace(/[.!]$/, "")}.${a.onlineLink ? " Bà con cũng có thể dự trực tuyến theo đường liên kết đăng trên trang lấy ý kiến trực tuyến của xã." : ""}`,
    shown.length > 0 ? `Nội dung đối thoại: ${shown.map((t) => toSpoken(t).replace(/[.;]$/, "")).join("; ")}${topics.length > shown.length ? "; và các nội dung khác đăng trên trang lấy ý kiến trực tuyến của xã" : ""}.` : "",
    `Thành phần: ${scope}. Bà con có thể gửi câu hỏi trước trên trang lấy ý kiến trực tuyến của xã hoặc qua trưởng thôn.`,
    `Ủy ban nhân dân xã ${a.communeName} trân trọng thông báo.`,
  ].filter(Boolean);
}

/** The text, with the topics cut one by one from the end until it reads in under two minutes. */
export function conferenceLoudspeakerText(a: ConferenceAnnouncement): string {
  const count = a.topics.split(/\n+/).filter((t) => t.trim()).length;
  for (let n = count; n >= 0; n--) {
    const text = compose(a, n).join("\n\n");
    const { words, spokenWords } = measureText(text);
    if ((words <= MAX_WORDS && (spokenWords / WORDS_PER_MINUTE) * 60 <= MAX_SECONDS) || n === 0) return text;
  }
  return "";
}
