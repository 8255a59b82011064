// Demo dialogue conferences for xã Thiện Tín (issue 12 §4): one held a month ago with its results
// published and its commitments (one done, one in progress, one overdue), one announced for two weeks
// from now with a question sent beforehand, and a residents' request with a few signatures. Dates are
// relative to the day the seed runs, so the upcoming one stays upcoming. Running it again adds nothing.
import { addDaysVn, startOfDayVn, toVnDate } from "@/lib/consultations/periods";
import type { Db } from "@/lib/db";

const PAST_TITLE = "Hội nghị đối thoại giữa UBND xã với Nhân dân năm 2026";
const UPCOMING_TITLE = "Đối thoại về tuyến đường liên thôn Phú Khương – Tân Phú";

/** 8:00 in Vietnam, `days` from today. */
const at8 = (days: number) => new Date(startOfDayVn(addDaysVn(toVnDate(new Date()), days)).getTime() + 8 * 3600 * 1000);

export async function seedDialogues(db: Db, communeId: string, ids: { staff: string; resident: string | undefined }, log: (l: string) => void) {
  if (await db.dialogueConference.findFirst({ where: { communeId, title: PAST_TITLE }, select: { id: true } })) return;
  const villages = await db.village.findMany({ where: { communeId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const near = villages.filter((v) => v.name === "Phú Khương" || v.name === "Tân Phú 1");
  const residents = await db.resident.findMany({ where: { communeId, birthYear: { lte: 1990 } }, orderBy: { id: "asc" }, take: 6, select: { id: true } });
  const author = ids.resident ?? null;

  await db.$transaction(async (tx) => {
    const past = await tx.dialogueConference.create({
      data: {
        communeId,
        title: PAST_TITLE,
        startsAt: at8(-30),
        place: "Hội trường UBND xã Thiện Tín",
        topics: "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2026\nCông tác thu gom rác thải sinh hoạt\nTiến độ bê tông hóa đường thôn",
        officials: "Ông Nguyễn Văn Hùng, Chủ tịch UBND xã\nBà Phạm Thị Lan, Chủ tịch Ủy ban MTTQ xã\nÔng Lê Minh Tuấn, Phó Chủ tịch UBND xã",
        announcedAt: at8(-40),
        createdById: ids.staff,
        minutesText:
          "Hội nghị khai mạc lúc 8 giờ, do Chủ tịch UBND xã và Chủ tịch Ủy ban MTTQ xã đồng chủ trì. Có 124 người dự từ tất cả các thôn.\nChủ tịch UBND xã báo cáo kết quả thực hiện nhiệm vụ năm 2026; Nhân dân nêu 3 câu hỏi, lãnh đạo UBND xã trả lời trực tiếp và hứa giải quyết những việc chưa trả lời được ngay.\nHội nghị kết thúc lúc 11 giờ cùng ngày.",
        attendanceCount: 124,
        recordedAt: at8(-29),
        resultsPublishedAt: at8(-25),
        villages: { create: villages.map((v) => ({ villageId: v.id, attended: true })) },
      },
      select: { id: true },
    });
    const questions = [
      { source: "BEFOREHAND" as const, authorId: author, body: "Khi nào xã thu gom rác hai lần một tuần ở thôn Phú Khương?", agreeCount: 0, answer: "Từ tháng sau, đơn vị thu gom sẽ đến thôn vào thứ Hai và thứ Năm.", responsible: "Ông Lê Minh Tuấn, Phó Chủ tịch UBND xã", deadline: at8(-10), status: "DONE" as const, doneAt: at8(-12) },
      { source: "BEFOREHAND" as const, authorId: null, body: "Đoạn đường bê tông qua xóm Bàu bị nứt sau mùa mưa, xã có sửa không?", agreeCount: 0, answer: "UBND xã sẽ khảo sát và sửa chữa bằng kinh phí duy tu năm nay.", responsible: "Cán bộ Địa chính - Xây dựng xã", deadline: at8(-3), status: "IN_PROGRESS" as const, doneAt: null },
      { source: "ON_THE_DAY" as const, authorId: null, askedBy: "Ông Trần Văn Bảy, thôn Tân Phú 1", body: "Đề nghị xã lắp thêm đèn chiếu sáng ở ngã ba chợ.", agreeCount: 0, answer: "Xã đưa vào kế hoạch chiếu sáng công cộng, lắp đặt trong quý tới.", responsible: "Ông Lê Minh Tuấn, Phó Chủ tịch UBND xã", deadline: at8(60), status: "IN_PROGRESS" as const, doneAt: null },
    ];
    for (const [i, q] of questions.entries()) {
      await tx.dialogueQuestion.create({ data: { communeId, conferenceId: past.id, number: i + 1, createdAt: at8(-35 + i), ...q } });
    }

    const upcoming = await tx.dialogueConference.create({
      data: {
        communeId,
        title: UPCOMING_TITLE,
        startsAt: at8(14),
        place: "Nhà văn hóa thôn Phú Khương",
        onlineLink: "https://thientin.danban.local/truc-tuyen",
        topics: "Phương án mở rộng tuyến đường liên thôn\nĐóng góp của Nhân dân và hỗ trợ của Nhà nước",
        officials: "Ông Nguyễn Văn Hùng, Chủ tịch UBND xã\nBà Phạm Thị Lan, Chủ tịch Ủy ban MTTQ xã",
        announcedAt: at8(-2),
        createdById: ids.staff,
        villages: { create: (near.length > 0 ? near : villages.slice(0, 2)).map((v) => ({ villageId: v.id })) },
      },
      select: { id: true },
    });
    await tx.dialogueQuestion.create({
      data: { communeId, conferenceId: upcoming.id, number: 1, source: "BEFOREHAND", authorId: author, body: "Tuyến đường mở rộng có lấy đất của các hộ hai bên không, nếu có thì bồi thường thế nào?" },
    });

    const request = await tx.dialogueRequest.create({ data: { communeId, subject: "Đề nghị đối thoại về việc cấp nước sạch cho các thôn vùng cao", createdById: author ?? ids.staff } });
    for (const r of residents) {
      await tx.dialogueSignature.create({ data: { communeId, requestId: request.id, residentId: r.id, enteredById: ids.staff, onPaper: true } });
    }
  });
  log("  2 dialogue conferences, 1 request");
}
